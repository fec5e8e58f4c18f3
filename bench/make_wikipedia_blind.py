"""Build the Wikipedia excerpts of the provenance bench's blind batches 7 to 10 (each run once; for the record).

    pip install mwparserfromhell   # the build only; neither docqa nor the bench needs it
    python bench/make_wikipedia_blind.py [--wheel PATH] [--batch 7|8|9|10]

Source: the English Wikipedia dump excerpt that gensim ships as test data
(``gensim/test/test_data/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2``
in the ``gensim-4.4.0-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl`` wheel on PyPI,
SHA-256 below): 106 articles as revised in March to May 2016. Wikipedia's text is licensed
CC BY-SA 3.0; the excerpts written to ``bench/data/provenance_wikipedia.jsonl`` keep that licence
(see ``provenance_labels.LICENSE.md``).

What the script does, with a fixed seed: it keeps articles of at least 20,000 characters of
wikitext (not lists or disambiguation pages), shuffles them, and takes the first 12 that have a run
of whole sections holding at least 600 words of prose paragraphs; from each, one such run, drawn at
random among those that start at a section (never the lead, never "See also", "References",
"Notes", "Bibliography", "Further reading" or "External links") and stop at the first section that
reaches 600 words. Wikitext becomes plain text as a reader of the rendered page sees it: links become
their text, ``{{convert}}`` becomes the figure and its unit, other templates, tables, lists, images
and comments are dropped, and each ``<ref>`` becomes a numbered marker after the text it closes
("1805.[6]"). The section headings are kept as paragraphs of their own; the reference list is
not (as in the host articles' Wikipedia texts).

Batch 8 (``--batch 8``, written to ``bench/data/provenance_wikipedia_b8.jsonl``) goes on where
batch 7 stopped: the same seed, the same shuffled order and the same draws, so it skips the 12
articles batch 7 took (and the windows drawn for them) and takes the next 20 articles that have
such a run, one window each drawn by the same random generator, continuing its sequence. Batch 7
(``--batch 7``, the default) is unchanged by this: its output is byte-identical to before.

Batch 9 (``--batch 9``, written to ``bench/data/provenance_wikipedia_b9.jsonl``) goes on where
batch 8 stopped in the same way: the same seed, order and draws, skipping the 32 articles of
batches 7 and 8 (and their windows), and takes all the remaining articles that have such a run (at
most 25), one window each, the generator still continuing its sequence. The output of ``--batch 7``
and ``--batch 8`` is unchanged by this, byte for byte.

Batch 10 (``--batch 10``, written to ``bench/data/provenance_wikipedia_b10.jsonl``) goes on where
batch 9 stopped in the same way: the same seed, order and draws, skipping the 57 articles of
batches 7, 8 and 9 (and their windows), and takes every remaining article that has such a run (no
cap), one window each, the generator still continuing its sequence. The output of ``--batch 7``,
``--batch 8`` and ``--batch 9`` is unchanged by this, byte for byte.
"""

from __future__ import annotations

import argparse
import bz2
import hashlib
import json
import random
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
WHEEL = "gensim-4.4.0-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl"
WHEEL_SHA256 = "91a7fa5e814e7b1bad4b2dffa8d62c1e55410d5cbdf930714c1997ffb4404db8"
DUMP = "gensim/test/test_data/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
DUMP_SHA256 = "a53f4648dec40467ebdcbc7a1307eddb51fe6e28e9309f6ebde81ba0d04bea2d"
SEED = 7
#: Each batch: where it is written and how many articles it takes, in draw order after the
#: batches before it (None: every article left).
BATCHES = {
    7: (DATA / "provenance_wikipedia.jsonl", 12),
    8: (DATA / "provenance_wikipedia_b8.jsonl", 20),
    9: (DATA / "provenance_wikipedia_b9.jsonl", 25),
    10: (DATA / "provenance_wikipedia_b10.jsonl", None),
}
MIN_WIKITEXT = 20_000
MIN_WORDS = 600
SKIP_SECTIONS = {"see also", "references", "notes", "bibliography", "further reading", "external links",
                 "footnotes", "sources", "citations", "notes and references", "gallery"}


def fetch_wheel(given: Path | None) -> Path:
    if given is None:
        tmp = Path(tempfile.mkdtemp(prefix="docqa-gensim-"))
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                        "--python-version", "3.11", "--platform", "manylinux_2_28_x86_64",
                        "gensim==4.4.0", "-d", str(tmp)], check=True)
        given = tmp / WHEEL
    if hashlib.sha256(given.read_bytes()).hexdigest() != WHEEL_SHA256:
        sys.exit(f"{given}: not the pinned gensim wheel (SHA-256 differs)")
    return given


def pages(wheel: Path) -> list[dict]:
    with zipfile.ZipFile(wheel) as z:
        raw = z.read(DUMP)
    if hashlib.sha256(raw).hexdigest() != DUMP_SHA256:
        sys.exit("the dump inside the wheel is not the pinned one")
    xml = bz2.decompress(raw).decode("utf-8")
    ns = re.search(r'xmlns="([^"]+)"', xml).group(1)
    out = []
    for page in ElementTree.fromstring(xml).iter(f"{{{ns}}}page"):
        rev = page.find(f"{{{ns}}}revision")
        out.append({"title": page.find(f"{{{ns}}}title").text, "id": page.find(f"{{{ns}}}id").text,
                    "revision": rev.find(f"{{{ns}}}id").text, "timestamp": rev.find(f"{{{ns}}}timestamp").text,
                    "wikitext": rev.find(f"{{{ns}}}text").text or ""})
    return out


def plain(wikitext: str, refs: dict[str, int]) -> str:
    """One section's wikitext as rendered prose; ``refs`` numbers references across the article."""
    import mwparserfromhell as mw

    code = mw.parse(wikitext)
    out: list[str] = []
    _render(code, out, refs)
    text = "".join(out)
    text = re.sub(r"'{2,}", "", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" +([,.;:])", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    return text


def _render(code, out: list[str], refs: dict[str, int]) -> None:
    import mwparserfromhell as mw
    from mwparserfromhell.nodes import Comment, ExternalLink, HTMLEntity, Heading, Tag, Template, Text, Wikilink

    for node in code.nodes:
        if isinstance(node, Text):
            out.append(str(node.value))
        elif isinstance(node, HTMLEntity):
            out.append(node.normalize())
        elif isinstance(node, Wikilink):
            target = str(node.title).strip()
            if re.match(r"(?i)(file|image|category|media|[a-z]{2,3}(-[a-z]+)?):", target):
                continue
            _render(node.text if node.text is not None else node.title, out, refs)
        elif isinstance(node, ExternalLink):
            if node.title is not None:
                _render(node.title, out, refs)
        elif isinstance(node, Template):
            name = str(node.name).strip().lower()
            params = [str(p.value).strip() for p in node.params if not p.showkey]
            if name in ("convert", "cvt") and len(params) >= 2:
                joiner = params[1].replace("(-)", "").strip()
                if len(params) >= 4 and joiner in ("-", "to", "and", "–", "or", "by", "x", "+/-", "±"):
                    word = {"-": "to", "–": "to"}.get(joiner, joiner)
                    out.append(f"{params[0]} {word} {params[2]} {params[3]}")
                else:
                    out.append(f"{params[0]} {params[1]}")
            elif name in ("lang", "nowrap", "nobr", "small", "transl") and params:
                _render(mw.parse(params[-1]), out, refs)
            elif name in ("frac",) and params:
                out.append("/".join(params))
        elif isinstance(node, Tag):
            tag = str(node.tag).lower()
            if tag == "ref":
                name = next((str(a.value).strip() for a in node.attributes if str(a.name).strip() == "name"), None)
                key = name or f"anon-{len(refs)}"
                refs.setdefault(key, len(refs) + 1)
                while out and out[-1].endswith(" "):
                    out[-1] = out[-1].rstrip(" ")
                out.append(f"[{refs[key]}]")
            elif tag in ("b", "i", "span", "sup", "sub", "abbr", "small", "big", "u", "s"):
                if node.contents is not None:
                    _render(node.contents, out, refs)
            elif tag == "br":
                out.append(" ")
            # tables, galleries, math, code, lists and the rest: not prose
        elif isinstance(node, (Comment, Heading)):
            continue


def sections(wikitext: str) -> list[tuple[str, str]]:
    """``(heading, body)`` of each section (the lead's heading is "")."""
    parts = re.split(r"(?m)^(={2,6})\s*(.*?)\s*\1\s*$", wikitext)
    out = [("", parts[0])]
    for i in range(1, len(parts) - 2, 3):
        out.append((parts[i + 1], parts[i + 2]))
    return out


def paragraphs(body: str, refs: dict[str, int]) -> list[str]:
    """The prose paragraphs of a section body (no lists, tables, templates on their own lines)."""
    body = re.sub(r"(?s)\{\|.*?\n\|\}", "", body)  # tables
    kept = []
    for block in re.split(r"\n\s*\n", body):
        lines = [ln for ln in block.split("\n") if ln.strip() and not ln.lstrip().startswith(("*", "#", ":", ";", "|", "!", "{|", "[[File:", "[[Image:"))]
        if not lines:
            continue
        text = plain(" ".join(lines), refs).strip()
        if len(text.split()) >= 12:  # a paragraph, not a caption or a template's leftovers
            kept.append(text)
    return kept


def window(secs: list[tuple[str, str]], start: int, refs: dict[str, int]) -> list[str]:
    """The paragraphs of the sections from ``start`` on (headings as paragraphs of their own),
    up to the first that brings them to ``MIN_WORDS`` words or to a reference section."""
    paras: list[str] = []
    for heading, body in secs[start:]:
        if heading.strip().lower() in SKIP_SECTIONS:
            break
        body_paras = paragraphs(body, refs)
        if body_paras:
            paras.append(plain(heading, {}).strip())
            paras.extend(body_paras)
        if sum(len(p.split()) for p in paras) >= MIN_WORDS:
            break
    return paras


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="the pinned gensim wheel, if already downloaded")
    ap.add_argument("--batch", type=int, choices=tuple(BATCHES), default=7,
                    help="7: the first 12 articles (the default); 8: the next 20 after them; "
                         "9: the next (at most 25) after those; 10: all the rest after batch 9")
    args = ap.parse_args(argv)
    out_path, size = BATCHES[args.batch]
    skip = sum(n for b, (_, n) in BATCHES.items() if b < args.batch)  # the articles (and draws) of earlier batches
    wanted = None if size is None else skip + size
    all_pages = pages(fetch_wheel(args.wheel))
    candidates = [p for p in all_pages if len(p["wikitext"]) >= MIN_WIKITEXT
                  and not p["wikitext"].lower().startswith("#redirect")
                  and not p["title"].lower().startswith(("list of", "index of"))
                  and "disambiguation" not in p["title"].lower() and "{{disambig" not in p["wikitext"].lower()]
    rng = random.Random(SEED)
    order = sorted(candidates, key=lambda p: p["title"])
    rng.shuffle(order)
    records = []
    for page in order:
        if len(records) == wanted:
            break
        secs = sections(page["wikitext"])
        refs: dict[str, int] = {}
        for _, body in secs:  # number the references as the page does, in reading order
            plain(body, refs)
        windows = [w for w in (window(secs, i, dict(refs)) for i in range(1, len(secs))
                               if secs[i][0].strip().lower() not in SKIP_SECTIONS)
                   if sum(len(p.split()) for p in w) >= MIN_WORDS]
        if not windows:
            continue  # no run of sections with enough prose (a list, a table, a short article)
        paras = rng.choice(windows)
        title = page["title"]
        records.append({
            "id": "wikipedia-2016-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"),
            "title": title, "genre": "encyclopedic_wikipedia", "paragraphs": paras,
            "n_words": sum(len(p.split()) for p in paras),
            "url": f"https://en.wikipedia.org/w/index.php?oldid={page['revision']}",
            "license": "CC BY-SA 3.0", "author": "Wikipedia contributors (page history at url)",
            "revision_timestamp": page["timestamp"],
        })
    records = records[skip:]
    if not records or (args.batch == 8 and len(records) < size):
        sys.exit(f"only {len(records)} more articles have a usable window")
    records.sort(key=lambda r: r["title"])
    out_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} excerpts, {sum(r['n_words'] for r in records)} words -> {out_path.relative_to(ROOT)}")
    for r in records:
        print(f"  {r['title']}: {len(r['paragraphs'])} paragraphs, {r['n_words']} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
