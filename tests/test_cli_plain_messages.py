"""Bad input on the command line is answered in plain words, never in pydantic's.

Each case runs ``ptplanner ...`` in this process and checks the one error line: none of the phrases
pydantic uses ("String should have at least 1 character", "Input should be", "type=", ...) and the
plain words that replace them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ptplanner.cli.main import main
from ptplanner.core.messages import PYDANTIC_PHRASES, plain_message, sentence
from ptplanner.core.plan.model import Milestone


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().err


def hostile_plan(folder: Path, step: dict[str, object]) -> str:
    path = folder / "hostile.json"
    path.write_text(json.dumps({"schema_version": 1, "milestones": [step]}), encoding="utf-8")
    return str(path)


CASES: list[tuple[list[str], str]] = [
    (["plan", "add", ""], "the title can't be empty"),
    (["plan", "add", "   "], "the title can't be empty"),
    (["plan", "add", "x" * 300], "the title is too long (at most 200 characters)"),
    (["plan", "add", "x", "--notes", "n" * 10_001], "--notes: is too long"),
    (["plan", "add", "x", "--target", "2027-13-45"], "is not a date"),
    (["plan", "add", "x", "--renews-every", "abc"], "whole number of months"),
    (["plan", "add", "x", "--link", "role:astronaut"], "unknown role"),
    (["projection", "--years", "0"], "--years: must be at least 1"),
    (["projection", "--years", "500"], "--years: must be at most 50"),
    (["projection", "--experience", "-1"], "--experience: must be at least 0"),
    (["projection", "--bonus", "500"], "--bonus: must be at most 100"),
    (["projection", "--location", ""], "no location given"),
    (["projection", "--event", "2027:wizard"], "unknown kind 'wizard'"),
    (["projection", "--event", "1800:role:office_manager"], "the year must be at least"),
    (["offer", "--pay", "40000/year", "--bonus", "900", "--location", "boston"], "--bonus"),
]


@pytest.mark.parametrize(("args", "plain"), CASES, ids=[" ".join(c[0])[:40] for c in CASES])
def test_bad_input_gets_plain_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], plain: str
) -> None:
    if args[0] == "plan":
        args = [*args, "--plan-file", str(tmp_path / "plan.json")]
    code, err = cli(capsys, *args)
    assert code == 2, err
    assert err.startswith("ptplanner: error: "), err
    for phrase in PYDANTIC_PHRASES:
        assert phrase.casefold() not in err.casefold(), err
    assert plain in err, err


@pytest.mark.parametrize(
    ("step", "plain"),
    [
        ({"title": ""}, "step 1: the title can't be empty"),
        ({"title": "a", "target_date": "tomorrow"}, "the target date must be a date like"),
        ({"title": "a", "status": "sleeping"}, "the status must be one of"),
        ({"title": "a", "colour": "red"}, "an entry 'colour' that ptplanner does not know"),
        ({"title": "a", "renews_every_months": 0}, "renewal interval (months) must be at least 1"),
        (
            {"title": "a", "children": [{"title": "b", "notes": 5}]},
            "step 1.1: the notes is the wrong kind of value",
        ),
    ],
)
def test_a_hostile_plan_file_is_explained_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, step: dict[str, object], plain: str
) -> None:
    source = hostile_plan(tmp_path, step)
    code, err = cli(capsys, "plan", "import", source, "--plan-file", str(tmp_path / "p.json"))
    assert code == 2, err
    for phrase in PYDANTIC_PHRASES:
        assert phrase.casefold() not in err.casefold(), err
    assert plain in err, err


def test_the_window_and_the_cli_share_one_sentence() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        Milestone(title="")
    assert sentence(plain_message(caught.value)) == "The title can't be empty."
