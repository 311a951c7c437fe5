"""The group of a meeting whose agenda names none: given, remembered, or asked once.

The shipped agendas leave ``group`` out, and without a group nothing follows up a
meeting's action items. The session decides: the command line's group, else the
agenda's, else the one remembered for the agenda file; with none of them the UI is asked
(``group_question``) and the answer is remembered for the agenda file."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.errors import MeetingError
from facilitator.files.config import Config, load_config
from facilitator.session import MeetingPlan, Session


def held(archive: Path, config: Config, group: str, action: str = "Skrive til ledelsen") -> int:
    """A meeting of ``group`` on the shipped klubmøde, ended, with one open action."""
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede", settings=config, group=group))
    session.meeting.start()
    session.meeting.add_action(action, "Anne")
    session.meeting.end()
    session.close()
    return session.meeting_id


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(tmp_path / "config.toml")


def test_a_script_or_test_without_settings_is_not_asked(tmp_path: Path) -> None:
    session = Session.open_new(MeetingPlan.find(tmp_path / "a.sqlite3", "klubmoede"))
    try:
        assert session.group_question is None and session.meeting.info.group is None
    finally:
        session.close()


def test_asked_once_with_the_archives_groups_and_remembered_for_the_agenda(tmp_path: Path, config: Config) -> None:
    archive = tmp_path / "a.sqlite3"
    held(archive, config, "HK-klubben")
    config.groups.clear()  # as if the earlier meeting had come from elsewhere
    first = held(archive, config, "Socialrådgiverklubben")
    config.groups.clear()
    config.path.write_text('# mine indstillinger\nlang = "da"  # dansk\n', encoding="utf-8")

    session = Session.open_new(MeetingPlan.find(archive, "klubmoede", settings=config))
    try:
        question = session.group_question
        assert question is not None
        assert question.known == ("Socialrådgiverklubben", "HK-klubben") and question.default == "Socialrådgiverklubben"
        assert session.meeting.carried == []
        assert session.answer_group("  Socialrådgiverklubben ") is None
        assert session.group_question is None and session.meeting.info.group == "Socialrådgiverklubben"
        assert [(a.meeting_id, a.what) for a in session.meeting.carried] == [(first, "Skrive til ledelsen")]
    finally:
        session.close()
    text = config.path.read_text(encoding="utf-8")
    assert text.startswith('# mine indstillinger\nlang = "da"  # dansk\n')  # the person's file kept as written
    assert load_config(config.path).groups == {"klubmoede": "Socialrådgiverklubben"}

    again = Session.open_new(MeetingPlan.find(archive, "klubmoede", settings=load_config(config.path)))
    try:  # remembered: not asked, and followed up from the start
        assert again.group_question is None and again.meeting.info.group == "Socialrådgiverklubben"
        assert [a.meeting_id for a in again.meeting.carried] == [first]
    finally:
        again.close()


def test_skipped_goes_on_without_a_group_and_asks_again_next_time(tmp_path: Path, config: Config) -> None:
    archive = tmp_path / "a.sqlite3"
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede", settings=config))
    try:
        assert session.group_question is not None and session.group_question.default == ""
        assert session.answer_group(None) is None
        assert session.group_question is None and session.meeting.info.group is None
    finally:
        session.close()
    assert not config.path.exists() and config.groups == {}
    again = Session.open_new(MeetingPlan.find(archive, "klubmoede", settings=config))
    try:
        assert again.group_question is not None
    finally:
        again.close()


def test_a_blank_answer_is_refused_and_the_question_stands(tmp_path: Path, config: Config) -> None:
    session = Session.open_new(MeetingPlan.find(tmp_path / "a.sqlite3", "klubmoede", settings=config))
    try:
        with pytest.raises(MeetingError, match="The group"):
            session.answer_group("   ")
        assert session.group_question is not None
    finally:
        session.close()


def test_the_command_lines_group_wins_and_is_remembered(tmp_path: Path, config: Config, valid_agenda: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    session = Session.open_new(MeetingPlan.find(archive, valid_agenda, settings=config, group="Bestyrelsen"))
    try:  # the agenda names a group: --group wins for this meeting, and nothing is remembered for it
        assert session.meeting.info.group == "Bestyrelsen" and session.group_question is None
    finally:
        session.close()
    assert config.groups == {}
    session = Session.open_new(MeetingPlan.find(archive, "klubmoede", settings=config, group=" Bestyrelsen "))
    session.close()
    assert session.meeting.info.group == "Bestyrelsen"
    assert load_config(config.path).groups == {"klubmoede": "Bestyrelsen"}
    with pytest.raises(MeetingError):
        Session.open_new(MeetingPlan.find(archive, "klubmoede", settings=config, group="  "))


def test_a_settings_file_that_will_not_take_it_is_told_and_the_meeting_goes_on(tmp_path: Path) -> None:
    config = Config(tmp_path / "config.toml")
    config.path.write_text("lang = [\n", encoding="utf-8")  # broken: never overwritten
    session = Session.open_new(MeetingPlan.find(tmp_path / "a.sqlite3", "klubmoede", settings=config))
    try:
        warning = session.answer_group("Socialrådgiverklubben")
        assert warning is not None and str(config.path) in warning
        assert session.meeting.info.group == "Socialrådgiverklubben"
    finally:
        session.close()
    assert config.path.read_text(encoding="utf-8") == "lang = [\n"
