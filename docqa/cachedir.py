"""Where docqa keeps what it builds once and reuses: result caches, word tables, compiled patterns.

A leaf module (standard library and platformdirs only), so that code running while docqa's own
modules are still being imported (:mod:`docqa.rx`) can find the directory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def default_dir() -> Path:
    """The cache directory: ``$DOCQA_CACHE_DIR``, else the per-user cache directory of the OS.

    On Linux that is the XDG rule (``$XDG_CACHE_HOME``, else ``~/.cache``), written out here as
    platformdirs states it: importing platformdirs costs about 8 ms, a part of what every one-file
    run pays. Other systems ask platformdirs."""
    configured = os.environ.get("DOCQA_CACHE_DIR")
    if configured:
        return Path(configured)
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CACHE_HOME", "")
        return Path(base.strip() or os.path.expanduser("~/.cache")) / "docqa"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("docqa", appauthor=False))
