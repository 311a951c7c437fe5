"""Keeping meetings: the SQLite archive, its schema, snapshots, the recorder, the lock and
the rescue file.

May import: ``meeting``, ``agenda`` and the wings below them. Never ``output``, the
session or a UI: the store saves and answers queries; it decides nothing about a meeting.
"""
