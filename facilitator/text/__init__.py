"""Text from a person or a file as data: the one way it becomes something visible.

Lives here: ``visible`` (control characters as signs, one-line values), ``snippet`` (the
stretch of a text around a search's first hit).
May import: the standard library only. Everyone may import it.
"""
