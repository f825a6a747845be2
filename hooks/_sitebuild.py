"""What every MkDocs hook here shares: sitebuild's BuildError turned into MkDocs' PluginError."""
from __future__ import annotations

import contextlib

from mkdocs.exceptions import PluginError

from macros.errors import BuildError


@contextlib.contextmanager
def as_plugin_error():
    try:
        yield
    except BuildError as error:
        raise PluginError(str(error)) from None
