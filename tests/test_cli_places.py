"""``ptplanner projection --location`` with the names people use: "dc", "nyc", "TX", "Austin TX"."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptplanner", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("typed", "area"),
    [
        ("dc", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("washington dc", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("d.c.", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("ny", "New York-Newark-Jersey City, NY-NJ"),
        ("nyc", "New York-Newark-Jersey City, NY-NJ"),
        ("new york city", "New York-Newark-Jersey City, NY-NJ"),
        ("NY state", "New York"),
        ("TX", "Texas"),
        ("boston, ma", "Boston-Cambridge-Newton, MA-NH"),
        ("Austin TX", "Austin-Round Rock-San Marcos, TX"),
    ],
)
def test_projection_location_by_everyday_name(typed: str, area: str) -> None:
    result = run("projection", "--location", typed, "--years", "1", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert f'"location": "{area}"' in result.stdout
