"""Where a template comes from: the ``*.j2`` files of its folder, and nothing else.

A user's template may include its siblings. It must not read whatever else lies in the
folder (``{% include 'passwords.txt' %}``), a file elsewhere through a link, or a pipe or
device that would never end, so includes are resolved inside the folder after links are
followed, and read as a regular file up to a limit.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from facilitator.errors import FileTooLargeError, NotRegularFileError
from facilitator.files.regular_file import read_regular
from facilitator.i18n import t

MAX_TEMPLATE_BYTES = 1_000_000
"""Size of one template file."""


class FolderLoader(BaseLoader):
    """Serves the ``*.j2`` files of one folder: a template may include its siblings, but
    not read whatever else lies in the folder (``{% include 'passwords.txt' %}``), nor a
    file elsewhere through a link, nor a pipe or a device that would never end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        if not template.endswith(".j2"):
            raise SecurityError(t("minutes.template_not_j2", name=template))
        path = os.path.join(self.folder, *split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        real = os.path.realpath(path)
        folder = os.path.realpath(self.folder)
        if os.path.commonpath([folder, real]) != folder:
            raise SecurityError(t("minutes.template_outside", name=path, folder=self.folder))
        if not real.endswith(".j2"):
            raise SecurityError(t("minutes.template_link_not_j2", name=path, target=os.path.basename(real)))
        source, mtime = _read_template(real, path)
        return source, path, lambda: _mtime(real) == mtime


def _read_template(real: str, shown: str) -> tuple[str, float]:
    try:
        data, info = read_regular(real, MAX_TEMPLATE_BYTES, follow_links=False)
    except FileNotFoundError:
        raise TemplateNotFound(shown) from None
    except NotRegularFileError:
        raise SecurityError(t("minutes.template_not_file", name=shown)) from None
    except FileTooLargeError:
        raise SecurityError(t("minutes.template_file_too_big", name=shown, limit=f"{MAX_TEMPLATE_BYTES:,}")) from None
    except OSError as error:
        raise SecurityError(t("minutes.template_unreadable", name=shown, reason=error.strerror or error)) from None
    try:
        return data.decode("utf-8"), info.st_mtime
    except UnicodeDecodeError as error:
        raise SecurityError(t("minutes.template_not_utf8", name=shown, offset=error.start)) from None


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None
