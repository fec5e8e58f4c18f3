"""docqa's own findings about files it could not check (family ``internal``).

These rules never run over a document; the engine and the runner emit their findings. They are
registered so that ``docqa rules`` lists them and ``docqa explain`` documents them.
"""

from __future__ import annotations

from ..finding import Family, Severity
from .base import Rule


class InternalError(Rule):
    """A rule crashed on this file; the other rules and files were still checked.

    The message names the rule and the exception. docqa exits with status 2, because it could
    not do its whole job. Please report it with the file that triggers it.
    """

    code = "DQA001"
    name = "internal-error"
    family = Family.INTERNAL
    severity = Severity.ERROR

    def check(self, doc):
        return ()


class UnreadableFile(Rule):
    """The file could not be read: permissions, an I/O error, an undecodable encoding, or its size.

    Reported as a finding of its own, as ruff does, rather than a crash: the run goes on with the
    other files. A file over ``max-file-size`` (default 10 MiB) is reported here too; raise the
    limit in the config to lint it. Binary files are not findings: they are skipped with a notice.
    """

    code = "DQA002"
    name = "unreadable-file"
    family = Family.INTERNAL
    severity = Severity.ERROR

    def check(self, doc):
        return ()


RULES = [InternalError, UnreadableFile]
