"""The room view: the meeting on the wall, served to browsers by a process of its own."""
