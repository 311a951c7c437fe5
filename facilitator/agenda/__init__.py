"""What a meeting is planned to be: the agenda model and the TOML file it comes from.

Lives here: ``model`` (Agenda, Item, MeetingInfo), ``loader`` (file to model, with every
problem found), ``toml_lines`` (which line of the file a key sits on).
May import: ``files``, ``i18n``, ``errors``, ``text``. Never the meeting, the store or a UI.
"""
