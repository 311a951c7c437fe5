"""The preview's cutting of the minutes: the pieces must read as the one document."""

from __future__ import annotations

from facilitator.tui.widgets.minutes_section import pieces


def test_cut_before_each_item_heading_and_nowhere_else_when_short() -> None:
    text = "# Referat\n\n- **Dato:** i dag\n\n## 1. Velkomst\n\nNoter.\n\n## 2. Eventuelt\n\nIntet."
    found = pieces(text)
    assert [p.text.splitlines()[0] for p in found] == ["# Referat", "## 1. Velkomst", "## 2. Eventuelt"]
    assert all(p.gap for p in found)
    assert "\n".join(p.text for p in found).replace("\n", "") == text.replace("\n", "")


def test_a_long_list_is_cut_between_items_and_goes_on_numbering() -> None:
    text = "## Dagsorden\n\n" + "\n".join(f"{n}. Punkt {n}" for n in range(1, 101))
    found = pieces(text, max_lines=40)
    assert len(found) == 3
    assert found[1].text.startswith("39. Punkt 39\n") and found[2].text.startswith("79. Punkt 79\n")
    assert not found[1].gap and not found[2].gap  # the next item of the same list: no blank line
    assert sum(p.text.count("Punkt") for p in found) == 100


def test_never_cut_inside_a_fence_and_a_paragraph_break_keeps_its_gap() -> None:
    fence = "```\n" + "\n".join(f"- ikke et punkt {n}" for n in range(60)) + "\n```"
    text = "## 1. Punkt\n\n" + fence + "\n\nEfter blokken.\n\n" + "\n\n".join(f"Afsnit {n}." for n in range(40))
    found = pieces(text, max_lines=10)
    assert fence in found[0].text  # the fenced block stays whole, though its lines look like list items
    assert all(p.gap for p in found[1:])  # cut only at blank lines there
    assert all(p.text.strip() == p.text and p.text for p in found)


def test_a_piece_is_drawn_by_rich_once_per_width_and_as_rich_draws_it() -> None:
    from rich.console import Console
    from rich.markdown import Markdown as RichMarkdown

    from facilitator.tui.widgets.minutes_section import RenderedOnce

    text = "## Dagsorden\n\n" + "\n".join(f"{n}. Punkt {n} med en titel der kan ombrydes" for n in range(1, 60))
    drawn: list[int] = []

    class Counted(RichMarkdown):
        def __rich_console__(self, console: Console, options: object) -> object:  # type: ignore[override]
            drawn.append(options.max_width)  # type: ignore[attr-defined]
            return super().__rich_console__(console, options)  # type: ignore[arg-type]

    once = RenderedOnce(Counted(text, hyperlinks=False))
    console = Console(width=80, force_terminal=True, color_system="truecolor")
    for width in (40, 40, 72, 40, 72):
        options = console.options.update_width(width)
        assert list(console.render(once, options)) == list(console.render(RichMarkdown(text, hyperlinks=False), options))
    assert drawn == [40, 72]
