"""Files on disk: where they live and how they are read and written safely.

Lives here: ``paths`` (every decision of where a file is: the archive, the settings, a
person's templates, the folders that ship with facilitator), ``atomic_write`` (whole or
not at all), ``regular_file`` (reading what a person named without following traps),
``no_replace`` (placing a file without replacing one), ``config`` (the person's settings
file).
May import: ``errors``, ``i18n``, ``text``. Imported by every wing above it.
"""
