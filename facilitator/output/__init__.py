"""What leaves the room: the minutes, their Markdown safety, templates in a sandbox, and
the next meeting's agenda.

Lives here: ``minutes`` (the meeting as Markdown and HTML), ``minutes_context`` (what a
minutes template sees, as plain data in the words of its language), ``markdown_safety``,
``template_sandbox`` (Jinja in a sandbox with limits) with its parts ``template_limits``
(one rendering's account), ``template_costs`` (what each operation may cost) and
``template_folder`` (where templates are read from), ``next_agenda``, and ``word`` (the
minutes as a Word document, from the same context) with ``word_styles`` and ``word_text``.

May import: ``meeting``, ``agenda`` and the wings below them. Never ``store``, the session
or a UI: an output is made from a meeting in memory.
"""
