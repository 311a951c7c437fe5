"""Widgets of the meeting screen; each shows one part of the ``Meeting`` and posts messages up."""
