"""Write tests/fixtures/guide_fingerprint.json: what the tests need to know about the career guide.

The founding career guide is not ours to publish, so the repository never holds its text. The
tests still have to prove two things about it on any checkout: every pay figure and percentage
the guide states is carried in resources/guide_figures.json, and no sentence the app shows copies
the guide's prose. This script keeps just enough for that:

* the dollar amounts and percentages the guide states (facts, not prose);
* a salted SHA-256 digest of every run of RUN_LENGTH consecutive words, from which the wording
  cannot be read back but a copied run can still be recognised.

Re-run it when the guide changes:

    python tools/guide_fingerprint.py [GUIDE] [--out FILE]

GUIDE defaults to ../shared/sources/000_954a31b7260f569e.txt beside the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GUIDE = ROOT.parent / "shared" / "sources" / "000_954a31b7260f569e.txt"
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "guide_fingerprint.json"
RUN_LENGTH = 7
SALT = "ptplanner-guide-runs-v1"
DIGEST_CHARS = 16  # 64 bits: no accidental match among a few thousand runs


def tokens(text: str) -> list[str]:
    """Words, case-folded, with punctuation removed ("Co-pays," -> "copays")."""
    words = (re.sub(r"[^\w]", "", word) for word in text.casefold().split())
    return [word for word in words if word]


def run_digests(words: list[str], length: int = RUN_LENGTH) -> set[str]:
    digests = set()
    for i in range(len(words) - length + 1):
        run = " ".join(words[i : i + length])
        digest = hashlib.sha256(f"{SALT}\n{run}".encode()).hexdigest()
        digests.add(digest[:DIGEST_CHARS])
    return digests


def dollar_amounts(text: str) -> set[float]:
    """Every "$45,000" or "$56k" the text states, in dollars."""
    amounts = set()
    for match in re.finditer(r"\$(\d{1,3}(?:,\d{3})+|\d+)(k)?", text):
        value = float(match.group(1).replace(",", ""))
        amounts.add(value * 1000 if match.group(2) else value)
    return amounts


def percentages(text: str) -> set[float]:
    """Every "5-15%", "20 percent" or "50% of" the text states."""
    stated = {float(v) for pair in re.findall(r"(\d+)-(\d+)%", text) for v in pair}
    stated |= {float(v) for v in re.findall(r"(\d+) percent", text)}
    stated |= {float(v) for v in re.findall(r"(\d+)% of", text)}
    return stated


def fingerprint(text: str, name: str) -> dict[str, object]:
    return {
        "about": "Figures and salted word-run digests of the founding career guide; "
        "written by tools/guide_fingerprint.py. The guide's text is not stored.",
        "guide": name,
        "guide_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "run_length": RUN_LENGTH,
        "salt": SALT,
        "digest_chars": DIGEST_CHARS,
        "dollar_amounts": sorted(dollar_amounts(text)),
        "percentages": sorted(percentages(text)),
        "run_digests": sorted(run_digests(tokens(text))),
    }


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("guide", nargs="?", type=Path, default=DEFAULT_GUIDE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(list(argv) if argv is not None else None)
    text = args.guide.read_text(encoding="utf-8")
    data = fingerprint(text, args.guide.name)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['run_digests'])} runs")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
