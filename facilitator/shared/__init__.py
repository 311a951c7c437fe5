"""The club's shared archive in PostgreSQL: where a board's laptops send their meetings.

Local first: the SQLite archive (``store``) is where every change is saved; this wing only
sends copies of meetings to a server, when asked (``facilitator sync``), and never holds
anything the laptop does not. Lives here: ``target`` (the address, without a password, and
how to connect), ``schema`` (the server's tables and their versioned steps), ``failures``
(what went wrong, in words), ``payload`` (a meeting as sent), ``sync`` (sending what the
server lacks), and for the ``--shared`` questions ``records_step`` (the server's search texts
and decision log, made from the snapshots), ``reading`` (a connection as the club's role,
keyset pages), ``search`` and ``lists``. psycopg is imported only here, and only when a sync
or a question to the server runs.
May import: ``i18n``, ``errors``, ``text``. Never ``store`` (the store is handed in as a
``sync.LocalMeetings``), the session or a UI. docs/shared-archive.md tells the design.
"""
