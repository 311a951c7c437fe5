"""facilitator: run a union meeting from the keyboard and get the minutes when it ends.

The package is split in two layers: a core that knows nothing of Textual (agenda,
meeting, minutes, archive) and a thin Textual UI on top. See docs/architecture.md.
"""

__version__ = "0.1.0"
