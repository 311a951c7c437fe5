from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.agenda.toml_lines import key_lines


def test_headers_and_keys_are_found() -> None:
    text = 'format = 1\n[meeting]\ntitle = "A"\n\n[[item]]\ntitle = "B"\n[[item]]\n  minutes = 5\n'
    lines = key_lines(text)
    assert lines[("format",)] == 1
    assert lines[("meeting",)] == 2 and lines[("meeting", "title")] == 3
    assert lines[("item", 1)] == 5 and lines[("item", 1, "title")] == 6
    assert lines[("item", 2)] == 7 and lines[("item", 2, "minutes")] == 8


def test_multiline_strings_are_skipped() -> None:
    text = '[meeting]\npurpose = """\ntitle = "not a key"\n"""\ntitle = "A"\n'
    assert key_lines(text)[("meeting", "title")] == 5


def test_quoted_and_dotted_keys() -> None:
    lines = key_lines('meeting.title = "A"\n"item" = []\n')
    assert lines[("meeting",)] == 1 and lines[("meeting", "title")] == 1 and lines[("item",)] == 2


def test_sub_table_of_an_item_belongs_to_that_item() -> None:
    lines = key_lines('[[item]]\ntitle = "A"\n[[item]]\n[item.prompts]\nx = 1\n')
    assert lines[("item", 2, "prompts")] == 4 and lines[("item", 2, "prompts", "x")] == 5


def test_crlf_and_unicode_line_breaks_count_as_toml_counts() -> None:
    text = '# a\u2028b\x0cc\r\n[meeting]\r\ntitle = "A"\r\n'
    assert key_lines(text)[("meeting", "title")] == 3


def test_triple_quotes_in_a_comment_or_a_string_do_not_open_a_string() -> None:
    text = '[meeting]\npurpose = "x"  # brug """ til lange tekster\ntitle = "a \\" \'\'\' b"\nkind = "andet"\n'
    lines = key_lines(text)
    assert lines[("meeting", "title")] == 3 and lines[("meeting", "kind")] == 4


def test_misnamed_and_nested_array_headers() -> None:
    lines = key_lines('[[items]]\ntitle = "A"\n[[item]]\n[[item.sub]]\nx = 1\n')
    assert lines[("items",)] == 1 and lines[("items", 1, "title")] == 2
    assert lines[("item", 1, "sub")] == 4 and lines[("item", 1, "sub", 1, "x")] == 5


def test_string_state() -> None:
    from facilitator.agenda.toml_lines import string_state

    assert string_state('title = "open') == '"'
    assert string_state("title = 'open") == "'"
    assert string_state('purpose = """starts here') == '"""'
    assert string_state('title = "closed"  # "not open') is None
    assert string_state('title = "esc \\" still open') == '"'


def walked_state(code: str) -> str | None:
    """string_state as it was first written, a character at a time: the reference."""
    i, n = 0, len(code)
    while i < n:
        if code.startswith(('"""', "'''"), i):
            delimiter = code[i : i + 3]
            end = code.find(delimiter, i + 3)
            if end < 0:
                return delimiter
            i = end + 3
        elif code[i] == '"':
            i += 1
            while i < n and code[i] != '"':
                i += 2 if code[i] == "\\" else 1
            if i >= n:
                return '"'
            i += 1
        elif code[i] == "'":
            end = code.find("'", i + 1)
            if end < 0:
                return "'"
            i = end + 1
        elif code[i] == "#":
            return None
        else:
            i += 1
    return None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(['"', "'", "#", "\\", "a", " ", "=", "\n", "é"]), max_size=40))
def test_string_state_jumps_to_what_a_character_walk_finds(code: str) -> None:
    from facilitator.agenda.toml_lines import string_state

    assert string_state(code) == walked_state(code)


def test_first_deep_line() -> None:
    from facilitator.agenda.toml_lines import first_deep_line

    assert first_deep_line("a = 1\nb = " + "[" * 5 + "\n", depth=3) == 2
    assert first_deep_line("a = [[1]]\n", depth=3) is None


def test_first_long_key_line() -> None:
    from facilitator.agenda.toml_lines import MAX_KEY_PARTS, first_long_key_line

    just_enough = ".".join("k" * MAX_KEY_PARTS)
    assert first_long_key_line(f"{just_enough} = 1\n") is None
    assert first_long_key_line(f"a = 1\n{just_enough}.k = 1\n") == 2
    assert first_long_key_line(f"a = {{ {just_enough}.k = 1 }}\n") == 1
    # Inside a multi-line string it is text, not a key.
    assert first_long_key_line(f'a = """\n{just_enough}.k\n"""\nb = 1\n') is None
