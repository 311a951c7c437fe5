"""What a meeting is planned to be: the agenda model and the TOML file it comes from.

Lives here: ``model`` (Agenda, Item, MeetingInfo and their limits), ``loader`` (file to
model, with every problem found), ``syntax`` (TOML syntax errors as ``PATH:LINE: message``),
``schema`` (the keys and values an agenda may hold), ``suggestions`` (what a person
probably meant), ``toml_lines`` (which line of the file a key sits on), ``shipped`` (the
agendas that come with facilitator, by name), ``sniff`` (which TOML files of a folder
look like agendas).
May import: ``files``, ``i18n``, ``errors``, ``text``. Never the meeting, the store or a UI.
"""
