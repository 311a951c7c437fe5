"""The message keys of each command's title and help line, by the command's id.

Written out, not built from the id, so the catalogue test sees every key the code may ask
for; a command added to ``commands.py`` without a row here fails its first title.
"""

from __future__ import annotations

from typing import Final

COMMAND_KEYS: Final[dict[str, tuple[str, str]]] = {
    "next_item": ("cmd.next_item", "cmd.next_item.help"),
    "previous_item": ("cmd.previous_item", "cmd.previous_item.help"),
    "add_decision": ("cmd.add_decision", "cmd.add_decision.help"),
    "add_action": ("cmd.add_action", "cmd.add_action.help"),
    "record_vote": ("cmd.record_vote", "cmd.record_vote.help"),
    "add_speaker": ("cmd.add_speaker", "cmd.add_speaker.help"),
    "next_speaker": ("cmd.next_speaker", "cmd.next_speaker.help"),
    "toggle_timer": ("cmd.toggle_timer", "cmd.toggle_timer.help"),
    "attendance": ("cmd.attendance", "cmd.attendance.help"),
    "prompt_discussed": ("cmd.prompt_discussed", "cmd.prompt_discussed.help"),
    "preview_minutes": ("cmd.preview_minutes", "cmd.preview_minutes.help"),
    "export_minutes": ("cmd.export_minutes", "cmd.export_minutes.help"),
    "add_item": ("cmd.add_item", "cmd.add_item.help"),
    "close_speakers": ("cmd.close_speakers", "cmd.close_speakers.help"),
    "carry_on": ("cmd.carry_on", "cmd.carry_on.help"),
    "follow_up": ("cmd.follow_up", "cmd.follow_up.help"),
    "approve_minutes": ("cmd.approve_minutes", "cmd.approve_minutes.help"),
    "remove_entry": ("cmd.remove_entry", "cmd.remove_entry.help"),
    "save_agenda": ("cmd.save_agenda", "cmd.save_agenda.help"),
    "skip_item": ("cmd.skip_item", "cmd.skip_item.help"),
    "move_item_up": ("cmd.move_item_up", "cmd.move_item_up.help"),
    "move_item_down": ("cmd.move_item_down", "cmd.move_item_down.help"),
    "drop_item": ("cmd.drop_item", "cmd.drop_item.help"),
    "end_meeting": ("cmd.end_meeting", "cmd.end_meeting.help"),
    "next_meeting": ("cmd.next_meeting", "cmd.next_meeting.help"),
    "refresh_preview": ("cmd.refresh_preview", "cmd.refresh_preview.help"),
    "close_preview": ("cmd.close_preview", "cmd.close_preview.help"),
    "open_selected": ("cmd.open_selected", "cmd.open_selected.help"),
    "refresh_start": ("cmd.refresh_start", "cmd.refresh_start.help"),
    "toggle_present": ("cmd.toggle_present", "cmd.toggle_present.help"),
    "apologies": ("cmd.apologies", "cmd.apologies.help"),
    "leave_return": ("cmd.leave_return", "cmd.leave_return.help"),
    "make_chair": ("cmd.make_chair", "cmd.make_chair.help"),
    "make_secretary": ("cmd.make_secretary", "cmd.make_secretary.help"),
    "organisation": ("cmd.organisation", "cmd.organisation.help"),
    "toggle_vote": ("cmd.toggle_vote", "cmd.toggle_vote.help"),
    "add_attendee": ("cmd.add_attendee", "cmd.add_attendee.help"),
    "close_attendance": ("cmd.close_attendance", "cmd.close_attendance.help"),
    "dialog_save": ("cmd.dialog_save", "cmd.dialog_save.help"),
    "dialog_cancel": ("cmd.dialog_cancel", "cmd.dialog_cancel.help"),
    "dialog_next_field": ("cmd.dialog_next_field", "cmd.dialog_next_field.help"),
    "lists_from_notes": ("cmd.lists_from_notes", "cmd.lists_from_notes.help"),
    "close_help": ("cmd.close_help", "cmd.close_help.help"),
    "show_room": ("cmd.show_room", "cmd.show_room.help"),
    "room_mode": ("cmd.room_mode", "cmd.room_mode.help"),
    "room_notes": ("cmd.room_notes", "cmd.room_notes.help"),
    "room_network": ("cmd.room_network", "cmd.room_network.help"),
    "close_room_dialog": ("cmd.close_room_dialog", "cmd.close_room_dialog.help"),
    "help": ("cmd.help", "cmd.help.help"),
    "quit": ("cmd.quit", "cmd.quit.help"),
    "choose_solutions": ("cmd.choose_solutions", "cmd.choose_solutions.help"),
    "forward_matter": ("cmd.forward_matter", "cmd.forward_matter.help"),
    "toggle_solution": ("cmd.toggle_solution", "cmd.toggle_solution.help"),
    "solution_number": ("cmd.solution_number", "cmd.solution_number.help"),
    "draft_decision": ("cmd.draft_decision", "cmd.draft_decision.help"),
    "solution_action": ("cmd.solution_action", "cmd.solution_action.help"),
    "close_solutions": ("cmd.close_solutions", "cmd.close_solutions.help"),
    "toggle_venue": ("cmd.toggle_venue", "cmd.toggle_venue.help"),
    "forward_next_list": ("cmd.forward_next_list", "cmd.forward_next_list.help"),
    "close_forward": ("cmd.close_forward", "cmd.close_forward.help"),
    "safety_checklist": ("cmd.safety_checklist", "cmd.safety_checklist.help"),
    "check_ok": ("cmd.check_ok", "cmd.check_ok.help"),
    "check_missing": ("cmd.check_missing", "cmd.check_missing.help"),
    "check_agreed": ("cmd.check_agreed", "cmd.check_agreed.help"),
    "check_cycle": ("cmd.check_cycle", "cmd.check_cycle.help"),
    "check_clear": ("cmd.check_clear", "cmd.check_clear.help"),
    "close_checklist": ("cmd.close_checklist", "cmd.close_checklist.help"),
}
"""id -> (title key, help key)"""

FOOTER_WORDS: Final[dict[str, str]] = {
    "add_decision": "cmd.add_decision.footer",
    "add_action": "cmd.add_action.footer",
    "add_speaker": "cmd.add_speaker.footer",
    "end_meeting": "cmd.end_meeting.footer",
}
"""id -> the message key of the short words its footer key says, where the title is too long
for the chair's keys to fit in 80 columns."""
