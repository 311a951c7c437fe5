"""What the tests share, in one place: tests import helpers from here, never from each other.

- ``clock``: the one fake clock every test tells time by;
- ``paths``: where the tests, their data and the golden files are;
- ``agendas``: a valid agenda as text, and what a malformed agenda file says it must give;
- ``meetings``: meetings held for real (the shipped klubmøde, a busy meeting) and their state;
- ``archives``: archives gone wrong (damaged files, a recorder whose saves fail);
- ``disks``: whether a small RAM disk can be mounted here;
- ``hostile_text``: the corpus of hostile strings;
- ``app``: the terminal size and the type of the ``make_app`` fixture;
- ``forms``: filling a dialog's fields at once, for the tests that are not about typing.

The fixtures themselves are in ``tests/conftest.py``.
"""
