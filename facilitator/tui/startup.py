"""Python's garbage collector rests while the app starts.

Starting the app makes tens of thousands of objects that live as long as it does: the
modules, Textual's styles, the screen's widgets, the meeting. Python's cycle collector
walked them again and again while they were being made: some 30 ms of a start of 270 ms
(docs/performance.md). So the command line pauses it before the app is imported, and the
app resumes it once the first frame is on the screen: one collection then, after which
everything still alive is frozen (kept out of later collections, which would only walk it
again while the referent types).

Only the commands that open the app pause it; the others run with the collector as usual.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Rest the collector, unless it was resting already (then it is not ours to wake)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """The first frame is drawn: collect what starting left behind, freeze the rest, and
    collect as usual from now on. Nothing happens when nothing was paused here."""
    global _paused
    if _paused:
        _paused = False
        gc.collect()
        gc.freeze()
        gc.enable()


def end() -> None:
    """The command is over, or ends before the first frame: collect as usual, nothing frozen."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
