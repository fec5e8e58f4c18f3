"""Where docqa keeps what it builds once and reuses: result caches, word tables, compiled patterns.

A leaf module (standard library and platformdirs only), so that code running while docqa's own
modules are still being imported (:mod:`docqa.rx`) can find the directory.
"""

from __future__ import annotations

import os
from pathlib import Path


def default_dir() -> Path:
    """The cache directory: ``$DOCQA_CACHE_DIR``, else the per-user cache directory of the OS."""
    configured = os.environ.get("DOCQA_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("docqa", appauthor=False))
