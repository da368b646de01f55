"""The pay axis's range rules (plain arithmetic, no Qt needed)."""

from __future__ import annotations

from ptplanner.ui.tabs.salary.pay_range import snapped_range, steady_range


def test_round_steps_with_the_margin_kept() -> None:
    # $80,000 of span snaps to whole $5,000s, with the margin kept.
    assert snapped_range(50_000, 120_000) == (45_000, 130_000)


def test_the_pay_axis_is_kept_while_it_suits_the_data() -> None:
    # Nothing shown yet: a fresh axis.
    fresh = snapped_range(50_000, 120_000)
    assert steady_range(None, 50_000, 120_000) == fresh
    assert fresh == (45_000.0, 130_000.0)
    # Lines that moved a little, down or up, inside the margin: the same axis.
    assert steady_range((45_000, 130_000), 52_000, 115_000) == (45_000, 130_000)
    assert steady_range((45_000, 130_000), 50_000, 123_000) == (45_000, 130_000)
    # A top line that reaches the margin: a new axis, with the margin again.
    assert steady_range((45_000, 130_000), 50_000, 125_000) == snapped_range(50_000, 125_000)
    # Data in a corner of the kept axis (a far cheaper area): a new axis, so it fills the graph.
    assert steady_range((45_000, 130_000), 50_000, 90_000) == snapped_range(50_000, 90_000)
