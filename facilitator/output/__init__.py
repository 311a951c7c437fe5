"""What leaves the room: the minutes, their Markdown safety, templates in a sandbox, and
the next meeting's agenda.

May import: ``meeting``, ``agenda`` and the wings below them. Never ``store``, the session
or a UI: an output is made from a meeting in memory.
"""
