"""An optional LanguageTool backend for the grammar rules, spoken over LanguageTool's HTTP API.

docqa never downloads LanguageTool. It uses a server the user names (``languagetool-url`` in the
config, ``--languagetool-url`` or ``DOCQA_LANGUAGETOOL_URL``), or starts
``org.languagetool.server.HTTPServer`` from a local directory of LanguageTool's jars
(``languagetool-dir`` or ``DOCQA_LANGUAGETOOL_DIR``), waits for ``/v2/healthcheck`` within its
own timeout, and stops it when the run ends. With neither, grammar checks are skipped.

The client is the standard library's ``urllib`` rather than language-tool-python: that library
is GPL-3.0, waits up to 300 s per request with retries, and fetches LanguageTool when asked to
run a local server, none of which docqa can allow. Every request has a timeout and every answer
is validated, so a hung or garbage-speaking server makes grammar checks "unavailable" instead of
hanging or crashing the run. Results are cached in memory by the SHA-256 of what was sent.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import urllib.parse
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

if TYPE_CHECKING:
    import subprocess

# Imported where they are used: sockets, processes, hashes and HTTP errors are needed only when a
# server is configured, and importing them costs a run without LanguageTool ~15 ms of start-up.

URL_ENV = "DOCQA_LANGUAGETOOL_URL"
DIR_ENV = "DOCQA_LANGUAGETOOL_DIR"
SERVER_CLASS = "org.languagetool.server.HTTPServer"
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
CACHE_ENTRIES = 512


class LanguageToolError(Exception):
    """The server could not be reached, timed out, or answered something that is not LanguageTool."""


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, with code-point offsets into the text that was checked."""

    start: int
    end: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    rule_description: str
    category_id: str
    category: str
    issue_type: str


# --------------------------------------------------------------------------- configuration
def configured_url(settings: Any) -> str | None:
    """The server URL from the settings, else from ``DOCQA_LANGUAGETOOL_URL``."""
    url = getattr(settings, "languagetool_url", None) or os.environ.get(URL_ENV) or None
    return url.strip() if url else None


def configured_dir(settings: Any) -> Path | None:
    """The local LanguageTool directory from the settings, else from ``DOCQA_LANGUAGETOOL_DIR``."""
    value = getattr(settings, "languagetool_dir", None) or os.environ.get(DIR_ENV) or None
    if not value:
        return None
    path = Path(value)
    if not path.is_absolute():
        path = Path(getattr(settings, "root", ".") or ".") / path
    return path


def find_server_jar(directory: Path) -> Path | None:
    """``languagetool-server.jar`` in ``directory`` (a LanguageTool distribution), if present."""
    for candidate in (directory / "languagetool-server.jar", *sorted(directory.glob("languagetool-server*.jar"))):
        if candidate.is_file():
            return candidate
    return None


def server_command(directory: Path, port: int) -> list[str]:
    """The command that starts LanguageTool's HTTP server from ``directory`` on ``port``."""
    jar = find_server_jar(directory)
    if jar is None:
        raise LanguageToolError(f"no languagetool-server.jar in {directory}")
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java:
        raise LanguageToolError("java is not installed (needed to run LanguageTool from languagetool-dir)")
    return [java, "-cp", str(jar), SERVER_CLASS, "--port", str(port)]


# --------------------------------------------------------------------------- client
class Client:
    """A LanguageTool HTTP client with timeouts, validation and a content-hash cache."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 15.0,
        language: str = "en-US",
        disabled_rules: Sequence[str] = (),
        cache: "OrderedDict[str, tuple[Match, ...]] | None" = None,
    ) -> None:
        parsed = urllib.parse.urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise LanguageToolError(f"not an http(s) URL: {url!r}")
        base = url.rstrip("/")
        if base.endswith("/v2"):
            base = base[: -len("/v2")]
        self.base = base
        self.timeout = timeout
        self.language = language
        self.disabled_rules = tuple(disabled_rules)
        self.cache: OrderedDict[str, tuple[Match, ...]] = cache if cache is not None else OrderedDict()

    def healthy(self, timeout: float = 2.0) -> bool:
        """True when ``/v2/healthcheck`` answers 200 within ``timeout`` seconds."""
        import urllib.error
        import urllib.request  # lazy: it pulls in http.client, email and ssl

        try:
            with urllib.request.urlopen(self.base + "/v2/healthcheck", timeout=timeout) as resp:
                resp.read(1024)
                return resp.status == 200
        except (OSError, urllib.error.URLError, ValueError):
            return False

    def check(self, text: str, annotation: Sequence[Mapping[str, str]] | None = None) -> tuple[Match, ...]:
        """Check ``text`` (or the markup ``annotation`` whose pieces concatenate to ``text``)."""
        params: dict[str, str] = {"language": self.language}
        if annotation is not None:
            params["data"] = json.dumps({"annotation": list(annotation)}, ensure_ascii=False)
        else:
            params["text"] = text
        if self.disabled_rules:
            params["disabledRules"] = ",".join(self.disabled_rules)
        import hashlib

        key = hashlib.sha256(json.dumps(params, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
        hit = self.cache.get(key)
        if hit is not None:
            self.cache.move_to_end(key)
            return hit
        payload = self._post("/v2/check", params)
        matches = parse_matches(payload, text)
        self.cache[key] = matches
        while len(self.cache) > CACHE_ENTRIES:
            self.cache.popitem(last=False)
        return matches

    def _post(self, path: str, params: Mapping[str, str]) -> Any:
        import urllib.error
        import urllib.request  # lazy: it pulls in http.client, email and ssl

        body = urllib.parse.urlencode(params).encode("utf-8")
        request = urllib.request.Request(
            self.base + path, data=body, method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
        )
        deadline = time.monotonic() + self.timeout
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                chunks = []
                size = 0
                while True:
                    if time.monotonic() > deadline:
                        raise LanguageToolError(f"{self.base}: no complete answer within {self.timeout:g} s")
                    chunk = resp.read(65536)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > MAX_RESPONSE_BYTES:
                        raise LanguageToolError(f"{self.base}: answer larger than {MAX_RESPONSE_BYTES} bytes")
                    chunks.append(chunk)
        except LanguageToolError:
            raise
        except urllib.error.HTTPError as exc:
            raise LanguageToolError(f"{self.base}: HTTP {exc.code} {exc.reason}") from None
        except TimeoutError:  # socket.timeout is TimeoutError
            raise LanguageToolError(f"{self.base}: timed out after {self.timeout:g} s") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise LanguageToolError(f"{self.base}: {reason}") from None
        try:
            return json.loads(b"".join(chunks).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise LanguageToolError(f"{self.base}: the answer is not JSON") from None


def parse_matches(payload: Any, text: str) -> tuple[Match, ...]:
    """Validate a ``/v2/check`` answer and convert LanguageTool's UTF-16 offsets to code points."""
    if not isinstance(payload, dict) or not isinstance(payload.get("matches"), list):
        raise LanguageToolError("the answer has no 'matches' list: not a LanguageTool server")
    to_cp = utf16_to_codepoint_map(text)
    limit = len(to_cp) - 1
    out = []
    for m in payload["matches"]:
        if not isinstance(m, dict):
            raise LanguageToolError("a match is not an object")
        offset, length = m.get("offset"), m.get("length")
        if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
            raise LanguageToolError(f"a match has no valid offset/length: {offset!r}/{length!r}")
        if offset + length > limit:
            raise LanguageToolError(f"a match ends at {offset + length}, past the text ({limit} UTF-16 units)")
        rule = m.get("rule") if isinstance(m.get("rule"), dict) else {}
        category = rule.get("category") if isinstance(rule.get("category"), dict) else {}
        reps = tuple(
            str(r["value"]) for r in (m.get("replacements") or [])[:10] if isinstance(r, dict) and "value" in r
        )
        out.append(Match(
            start=to_cp[offset], end=to_cp[offset + length],
            message=str(m.get("message") or rule.get("description") or "LanguageTool match"),
            short_message=str(m.get("shortMessage") or ""),
            replacements=reps,
            rule_id=str(rule.get("id") or "UNKNOWN"),
            rule_description=str(rule.get("description") or ""),
            category_id=str(category.get("id") or ""),
            category=str(category.get("name") or ""),
            issue_type=str(rule.get("issueType") or ""),
        ))
    return tuple(out)


def utf16_to_codepoint_map(text: str) -> list[int]:
    """``map[i]`` is the code-point offset of UTF-16 offset ``i`` (LanguageTool counts in UTF-16)."""
    out: list[int] = []
    for cp, ch in enumerate(text):
        out.append(cp)
        if ord(ch) > 0xFFFF:
            out.append(cp)  # the low surrogate belongs to the same character
    out.append(len(text))
    return out


# --------------------------------------------------------------------------- local server
class LocalServer:
    """LanguageTool's HTTP server run from a local directory for the length of a docqa run."""

    def __init__(
        self,
        directory: Path,
        *,
        startup_timeout: float = 60.0,
        command: Callable[[Path, int], list[str]] | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.startup_timeout = startup_timeout
        self.command = command  # None: ``server_command``, looked up when starting
        self.process: subprocess.Popen | None = None
        self.owner_pid: int | None = None
        self.url: str | None = None
        self._log: Any = None

    def start(self) -> str:
        """Start the server, wait until it answers ``/v2/healthcheck``, and return its URL."""
        if self.url is not None and self.process is not None and self.process.poll() is None:
            return self.url
        if not self.directory.is_dir():
            raise LanguageToolError(f"languagetool-dir {self.directory} is not a directory")
        import atexit
        import subprocess
        import tempfile

        port = _free_port()
        argv = (self.command or server_command)(self.directory, port)
        # The server's log goes to a temporary file: an unread pipe would fill and block it.
        self._log = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen(
                argv, cwd=str(self.directory), stdin=subprocess.DEVNULL, stdout=self._log,
                stderr=subprocess.STDOUT, preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
        except OSError as exc:
            self._log.close()
            raise LanguageToolError(f"cannot start LanguageTool ({argv[0]}): {exc.strerror or exc}") from None
        self.owner_pid = os.getpid()
        atexit.register(self.stop)
        url = f"http://127.0.0.1:{port}"
        probe = Client(url, timeout=2.0)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                err = self._stderr_tail()
                self.stop()
                raise LanguageToolError(f"LanguageTool exited with status {code} while starting{err}")
            if probe.healthy(timeout=1.0):
                self.url = url
                return url
            time.sleep(0.2)
        self.stop()
        raise LanguageToolError(f"LanguageTool did not answer /v2/healthcheck within {self.startup_timeout:g} s")

    def stop(self) -> None:
        """Stop the server this process started (terminate, then kill after 5 s)."""
        proc = self.process
        if proc is None or self.owner_pid != os.getpid():
            return
        self.process = None
        self.url = None
        if proc.poll() is None:
            import subprocess

            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        if self._log is not None:
            self._log.close()
            self._log = None

    def _stderr_tail(self) -> str:
        """The last line the server logged, for the error message."""
        try:
            assert self._log is not None
            self._log.seek(0)
            tail = self._log.read()[-4096:].decode("utf-8", "replace").strip().splitlines()[-1:]
        except (OSError, ValueError, AssertionError):
            return ""
        return f": {tail[0]}" if tail else ""


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Ask Linux to stop the server when the process that started it dies (e.g. a worker)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


# --------------------------------------------------------------------------- backend
class Backend:
    """Resolves, starts and remembers the state of the LanguageTool backend for one run."""

    def __init__(self, settings: Any, *, timeout: float, startup_timeout: float, language: str,
                 disabled_rules: Sequence[str]) -> None:
        self.url = configured_url(settings)
        self.directory = configured_dir(settings) if self.url is None else None
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.language = language
        self.disabled_rules = tuple(disabled_rules)
        self.server: LocalServer | None = None
        self.client: Client | None = None
        self.failure: str | None = None
        self.unchecked = 0
        self.checked = 0
        self._cache: OrderedDict[str, tuple[Match, ...]] = OrderedDict()

    @property
    def configured(self) -> bool:
        return self.url is not None or self.directory is not None

    def get_client(self) -> Client | None:
        """A ready client, or None when no backend is configured or it has failed in this run."""
        if self.failure is not None or not self.configured:
            return None
        if self.client is not None:
            return self.client
        try:
            url = self.url
            if url is None:
                assert self.directory is not None
                self.server = self.server or LocalServer(self.directory, startup_timeout=self.startup_timeout)
                url = self.server.start()
            self.client = Client(url, timeout=self.timeout, language=self.language,
                                 disabled_rules=self.disabled_rules, cache=self._cache)
        except LanguageToolError as exc:
            self.failure = str(exc)
            return None
        return self.client

    def fail(self, reason: str) -> None:
        self.failure = reason
        self.client = None

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
        self.client = None
