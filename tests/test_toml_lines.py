from facilitator.toml_lines import key_lines


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
