"""The club's shared archive in PostgreSQL: where a board's laptops send their meetings.

Local first: the SQLite archive (``store``) is where every change is saved; this wing sends
copies of meetings to a server and brings the group's meetings back, when asked
(``facilitator sync``) or in the background while the app is open. Lives here: ``target``
(the address, without a password, and how to connect), ``schema`` (the server's tables and
their versioned steps), ``failures`` (what went wrong, in words), ``payload`` (a meeting as
sent), ``pull`` (receiving what the laptop lacks), ``follow_ups`` (actions ticked off across
laptops), ``who_sees`` (the step for joint meetings' groups and the restricted table),
``closed_sync`` (closed items a group chose to share) and ``sync`` (all of it, in order);
and for the ``--shared`` questions ``records_step`` (the server's search texts and decision
log, made from the snapshots), ``reading`` (a connection as the club's role, keyset pages),
``search`` and ``lists``. psycopg is imported only here, and only when a sync or a question
to the server runs.
May import: ``i18n``, ``errors``, ``text``. Never ``store`` (the store is handed in as a
``sync.LocalMeetings``), the session or a UI. docs/shared-archive.md tells the design.
"""
