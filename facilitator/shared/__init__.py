"""The club's shared archive in PostgreSQL: where a board's laptops send their meetings.

Local first: the SQLite archive (``store``) is where every change is saved; this wing only
sends copies of meetings to a server, when asked (``facilitator sync``), and never holds
anything the laptop does not. Lives here: ``target`` (the address, without a password, and
how to connect), ``schema`` (the server's tables and their versioned steps), ``failures``
(what went wrong, in words), ``payload`` (a meeting as sent), ``sync`` (sending what the
server lacks), ``who_sees`` (the step for joint meetings' groups and the restricted table)
and ``closed_sync`` (closed items a group chose to share). psycopg is imported only here, and only when a sync runs.
May import: ``i18n``, ``errors``, ``text``. Never ``store`` (the store is handed in as a
``sync.LocalMeetings``), the session or a UI. docs/shared-archive.md tells the design.
"""
