"""GRM001 and the LanguageTool backend, against a stand-in LanguageTool server on 127.0.0.1.

The stand-in knows one rule, EN_A_VS_AN ("a apple" -> "an apple"), finds it only in the ``text``
pieces of an annotation, and reports offsets in UTF-16 units into the whole annotated text
(markup included), as LanguageTool does. ``mode`` makes it misbehave: ``hang`` (answer after
``delay`` seconds), ``garbage`` (not JSON), ``error`` (HTTP 500), ``wrong`` (JSON without
matches), ``bad_offsets``. Run as a script (``python tests/test_grammar.py --port N``) it serves
until killed, like LanguageTool's HTTPServer started from a jar directory.

A real server, when ``DOCQA_LANGUAGETOOL_URL`` names one, is used by the ``integration`` test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

_A_VS_AN = re.compile(r"\b([Aa]) (?=[aeiouAEIOU]\w)")


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def find_matches(pieces: list[dict]) -> list[dict]:
    matches = []
    pos = 0  # UTF-16 offset of the piece in the original text
    for piece in pieces:
        if "text" in piece:
            t = piece["text"]
            for m in _A_VS_AN.finditer(t):
                matches.append({
                    "message": "Use \u201can\u201d instead of \u201ca\u201d if the following word starts with a vowel sound.",
                    "shortMessage": "Wrong article",
                    "replacements": [{"value": m.group(1) + "n"}],
                    "offset": pos + utf16_len(t[:m.start(1)]),
                    "length": 1,
                    "context": {"text": t, "offset": m.start(1), "length": 1},
                    "rule": {"id": "EN_A_VS_AN", "description": "Use of 'a' vs. 'an'", "issueType": "misspelling",
                             "category": {"id": "MISC", "name": "Miscellaneous"}},
                })
        pos += utf16_len(piece.get("text", piece.get("markup", "")))
    return matches


class Handler(BaseHTTPRequestHandler):
    server_version = "FakeLanguageTool/1.0"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/v2/healthcheck"):
            self._send(200, b"OK", "text/plain")
        else:
            self._send(404, b"not found", "text/plain")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
        params = {k: v[0] for k, v in form.items()}
        state = self.server.state  # type: ignore[attr-defined]
        state["requests"].append(params)
        if not self.path.startswith("/v2/check"):
            self._send(404, b"not found", "text/plain")
            return
        mode = state["mode"]
        if mode == "hang":
            time.sleep(state["delay"])
        if mode == "garbage":
            self._send(200, b"<html>surprise</html>", "text/html")
            return
        if mode == "error":
            self._send(500, b"internal error", "text/plain")
            return
        if mode == "wrong":
            self._send(200, json.dumps({"software": {"name": "x"}}).encode(), "application/json")
            return
        if "data" in params:
            pieces = json.loads(params["data"])["annotation"]
        else:
            pieces = [{"text": params.get("text", "")}]
        matches = find_matches(pieces)
        if mode == "bad_offsets":
            for m in matches:
                m["offset"] += 10_000
        body = {"software": {"name": "LanguageTool", "version": "fake"}, "language": {"code": params.get("language")},
                "matches": matches}
        self._send(200, json.dumps(body).encode("utf-8"), "application/json")

    def _send(self, code: int, body: bytes, ctype: str) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class FakeServer:
    """The fake server in a background thread; use as a context manager."""

    def __init__(self, port: int = 0, mode: str = "ok", delay: float = 3.0) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.httpd.state = {"mode": mode, "delay": delay, "requests": []}  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def state(self) -> dict:
        return self.httpd.state  # type: ignore[attr-defined]

    def __enter__(self) -> "FakeServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--mode", default="ok")
    args = ap.parse_args()
    httpd = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    httpd.state = {"mode": args.mode, "delay": 3.0, "requests": []}  # type: ignore[attr-defined]
    httpd.serve_forever(poll_interval=0.05)



# =========================================================================== tests
if __name__ != "__main__":
    from docqa import languagetool as lt
    from docqa.config import Settings
    from docqa.engine import instantiate, lint_text
    from docqa.rules.grammar import LanguageToolCheck, annotate, chunks

    from conftest import SEED_SPAMMY


def grammar_rule(url=None, directory=None, **options):
    settings = Settings(languagetool_url=url, languagetool_dir=directory)
    (rule,) = instantiate([LanguageToolCheck], settings)
    rule.opts.update(options)
    return rule, settings


@pytest.fixture
def server():
    with FakeServer() as srv:
        yield srv


@pytest.fixture(autouse=True)
def _no_env_server(monkeypatch):
    monkeypatch.delenv(lt.URL_ENV, raising=False)
    monkeypatch.delenv(lt.DIR_ENV, raising=False)


def test_findings_from_the_server_have_exact_positions_and_an_unsafe_fix(server):
    rule, settings = grammar_rule(server.url)
    text = "Title\n\nShe ate a apple. Then a orange.\n"
    found = lint_text(text, [rule], path="t.txt", settings=settings).findings
    assert [(f.code, f.line, f.column, text[f.start:f.end]) for f in found] == [
        ("GRM001", 3, 9, "a"), ("GRM001", 3, 23, "a"),
    ]
    f = found[0]
    assert f.family == "grammar"
    assert f.data["rule_id"] == "EN_A_VS_AN" and f.data["replacements"] == ["an"]
    assert "(LanguageTool EN_A_VS_AN)" in f.message
    assert [(e.start, e.end, e.content) for e in f.fix.edits] == [(f.start, f.end, "an")]
    assert not f.fix.is_safe
    assert list(rule.notices()) == []
    request = server.state["requests"][0]
    assert request["language"] == "en-US"
    assert "MORFOLOGIK_RULE_EN_US" in request["disabledRules"].split(",")


def test_docstring_examples_hold_against_the_stand_in_server(server):
    rule, settings = grammar_rule(server.url)
    flagged, clean = LanguageToolCheck.examples()
    for text in flagged:
        assert [f.code for f in lint_text(text, [rule], settings=settings).findings] == ["GRM001"]
    for text in clean:
        assert lint_text(text, [rule], settings=settings).findings == []


def test_offsets_survive_astral_characters_and_code(server):
    rule, settings = grammar_rule(server.url)
    text = "# Notes \U0001F600\n\nRun `a x` then eat a \U0001F600 a apple.\n\n```\na apple\n```\n"
    found = lint_text(text, [rule], path="n.md", settings=settings).findings
    assert [(f.line, f.column, text[f.start:f.end + 6]) for f in found] == [(3, 24, "a apple")]
    pieces = json.loads(server.state["requests"][0]["data"])["annotation"]
    assert {"markup": "`a x`", "interpretAs": "Dummy"} in pieces
    assert not any("a apple\n```" in p.get("text", "") for p in pieces)


def test_annotation_covers_the_text_exactly_and_long_documents_are_split():
    from docqa.document import parse

    text = "".join(f"Paragraph {i} has a `code` span and words.\n\n" for i in range(40))
    doc = parse(text, "long.md")
    parts = chunks(doc, 300)
    assert len(parts) > 1
    for start, end, pieces in parts:
        assert end - start <= 300
        assert "".join(p.get("text", p.get("markup", "")) for p in pieces) == text[start:end]
    assert parts[0][0] == 0 and parts[-1][1] == text.rstrip("\n").__len__()


def test_matches_repeating_docqa_findings_are_dropped(server):
    rule, settings = grammar_rule(server.url)
    text = "They ate a apple,and left.\n"
    # The stand-in flags "a"; docqa's SPC001 flags "apple,and", which does not overlap "a".
    assert [text[f.start:f.end] for f in lint_text(text, [rule], settings=settings).findings] == ["a"]
    text = "They saw a openai demo. OpenAI showed it. OpenAI left.\n"
    # docqa's CAS001 flags "openai"; the stand-in's match on "a" before it does not overlap it.
    assert [f.column for f in lint_text(text, [rule], settings=settings).findings] == [10]


def test_results_are_cached_by_content(server):
    rule, settings = grammar_rule(server.url)
    text = "She ate a apple.\n"
    lint_text(text, [rule], settings=settings)
    lint_text(text, [rule], settings=settings)
    lint_text(text + "Another line.\n", [rule], settings=settings)
    assert len(server.state["requests"]) == 2


def test_no_server_means_one_notice_and_no_findings():
    rule, settings = grammar_rule()
    for _ in range(3):
        assert lint_text("She ate a apple.\n", [rule], settings=settings).findings == []
    (line,) = rule.notices()
    assert line.startswith("grammar checks (GRM001) skipped: no LanguageTool server")
    rule.close()


@pytest.mark.parametrize("mode", ["hang", "garbage", "error", "wrong", "bad_offsets"])
def test_a_misbehaving_server_makes_grammar_unavailable_not_a_crash(mode):
    with FakeServer(mode=mode, delay=3.0) as srv:
        rule, settings = grammar_rule(srv.url, timeout=0.5)
        started = time.monotonic()
        for _ in range(3):
            result = lint_text("She ate a apple.\n", [rule], settings=settings)
            assert result.findings == []
        assert time.monotonic() - started < 2.5  # one timeout, then no more requests
        assert len(srv.state["requests"]) == 1
        (line,) = rule.notices()
        assert line.startswith("grammar checks (GRM001) unavailable:") and line.endswith("3 files not checked")


def test_unreachable_server_is_unavailable():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    rule, settings = grammar_rule(f"http://127.0.0.1:{port}", timeout=1.0)
    assert lint_text("She ate a apple.\n", [rule], settings=settings).findings == []
    assert "unavailable" in list(rule.notices())[0]


def test_environment_variable_names_the_server(server, monkeypatch):
    monkeypatch.setenv(lt.URL_ENV, server.url)
    rule, settings = grammar_rule()
    assert len(lint_text("She ate a apple.\n", [rule], settings=settings).findings) == 1


def _fake_command(directory: Path, port: int) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--port", str(port)]


def test_local_directory_starts_a_server_and_close_stops_it(tmp_path, monkeypatch):
    monkeypatch.setattr(lt, "server_command", _fake_command)
    rule, settings = grammar_rule(directory=str(tmp_path), startup_timeout=20.0)
    found = lint_text("She ate a apple.\n", [rule], settings=settings).findings
    assert [(f.line, f.column) for f in found] == [(1, 9)]
    proc = rule.backend.server.process
    assert proc.poll() is None
    rule.close()
    assert proc.poll() is not None
    assert list(rule.notices()) == []


def test_local_directory_without_jars_is_reported(tmp_path):
    rule, settings = grammar_rule(directory=str(tmp_path))
    assert lint_text("She ate a apple.\n", [rule], settings=settings).findings == []
    (line,) = rule.notices()
    assert "no languagetool-server.jar in" in line


def test_a_server_that_never_answers_is_stopped_after_the_startup_timeout(tmp_path, monkeypatch):
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    monkeypatch.setattr(lt, "server_command", lambda d, p: sleeper)
    rule, settings = grammar_rule(directory=str(tmp_path), startup_timeout=0.6)
    started = time.monotonic()
    assert lint_text("She ate a apple.\n", [rule], settings=settings).findings == []
    assert time.monotonic() - started < 8
    assert "did not answer /v2/healthcheck within 0.6 s" in list(rule.notices())[0]
    assert rule.backend.server.process is None  # stopped


def test_a_server_that_exits_while_starting_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(lt, "server_command", lambda d, p: [sys.executable, "-c", "print('boom'); raise SystemExit(3)"])
    rule, settings = grammar_rule(directory=str(tmp_path), startup_timeout=10.0)
    lint_text("She ate a apple.\n", [rule], settings=settings)
    assert list(rule.notices()) == [
        "grammar checks (GRM001) unavailable: LanguageTool exited with status 3 while starting: boom; 1 file not checked"
    ]


def test_utf16_offsets_map_to_code_points():
    assert lt.utf16_to_codepoint_map("a\U0001F600b") == [0, 1, 1, 2, 3]
    with pytest.raises(lt.LanguageToolError, match="not a LanguageTool server"):
        lt.parse_matches({"oops": 1}, "text")
    with pytest.raises(lt.LanguageToolError, match="past the text"):
        lt.parse_matches({"matches": [{"offset": 3, "length": 5}]}, "text")


def test_cli_reports_grammar_with_the_server_and_one_notice_without(cli, tmp_path, server):
    for i in range(5):  # enough files for the parallel runner
        (tmp_path / f"f{i}.txt").write_text("She ate a apple.\n", encoding="utf-8")
    done = cli("lint", "--no-cache", "--select", "GRM001", "--format", "json", "--languagetool-url", server.url, ".")
    report = json.loads(done.stdout)
    found = [(r["path"], f["code"], f["line"], f["column"]) for r in report["files"] for f in r["findings"]]
    assert sorted(found) == [(f"f{i}.txt", "GRM001", 1, 9) for i in range(5)]
    assert "notices" not in report
    done = cli("lint", "--no-cache", "--select", "GRM001", ".")
    assert done.exit_code == 0
    assert done.stderr.count("grammar checks (GRM001) skipped") == 1


@pytest.mark.integration
def test_real_languagetool_server():
    url = os.environ.get(lt.URL_ENV)
    if not url or not lt.Client(url).healthy(timeout=3):
        pytest.skip(f"no LanguageTool server at {lt.URL_ENV}")
    rule, settings = grammar_rule(url)
    found = lint_text("He bought a apple at the market.\n", [rule], settings=settings).findings
    assert any(f.code == "GRM001" and (f.line, f.column) == (1, 11) for f in found)
    assert lint_text(SEED_SPAMMY.read_text(encoding="utf-8"), [rule], settings=settings).findings is not None


if __name__ == "__main__":
    main()
