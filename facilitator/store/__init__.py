"""Keeping meetings: the SQLite archive (``archive``, made of ``archive_file``,
``connection``, ``snapshot_writer``, ``notes_index`` and ``history``), its schema,
snapshots, the recorder and its save health, the lock and the rescue file.

May import: ``meeting``, ``agenda`` and the wings below them. Never ``output``, the
session or a UI: the store saves and answers queries; it decides nothing about a meeting.
"""
