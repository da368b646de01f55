"""Baseline for ``ptplanner plan list`` / ``plan add``: ``json.load`` + ``json.dump``, one process.

Reads the plan file and writes it back to a file beside it (``json.dumps`` with ``indent=1``, as
plan files are written, then one write): the least a command that rewrites a JSON plan can cost.

    python bench/json_floor.py FILE
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if __name__ == "__main__":
    source = Path(sys.argv[1])
    with open(source, encoding="utf-8") as handle:
        data = json.load(handle)
    text = json.dumps(data, indent=1)  # one string, then one write: faster than json.dump
    with open(source.with_suffix(".out"), "w", encoding="utf-8") as handle:
        handle.write(text)
