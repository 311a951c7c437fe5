"""Keeping meetings: the SQLite archive, its schema, snapshots, the recorder, the lock and
the rescue file.

Lives here: ``archive`` (the one class callers use, made of ``archive_file`` (the file
itself), ``connection`` (transactions), ``snapshot_writer`` (meetings stored with their
projections), ``notes_index`` and ``history`` (the questions)), ``error_words`` (SQLite's
and the OS's errors in words), ``schema`` (tables and migrations), ``snapshot`` and
``snapshot_check`` (a meeting as data and back, checked), ``recorder`` and
``save_health`` (saving as the meeting changes), ``lock`` (one writer per meeting),
``rescue`` (the file written when the archive will not take a save).
May import: ``meeting``, ``agenda`` and the wings below them. Never ``output``, the
session or a UI: the store saves and answers queries; it decides nothing about a meeting.
"""
