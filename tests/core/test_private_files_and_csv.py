"""Issue 18, low items: what ptplanner writes is private whatever the umask, a CSV export never
runs as a spreadsheet formula yet imports back exactly, and a location link names a real area
from the moment it is typed or imported."""

from __future__ import annotations

import csv
import io
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from ptplanner.cli.main import main
from ptplanner.core import paths
from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, tolerating_out_of_range_dates
from ptplanner.core.plan.template import empty_plan
from ptplanner.core.settings import Settings, save_settings
from ptplanner.core.storage.atomic_io import make_private_dir
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.errors import PlanImportError
from ptplanner.core.storage.import_export import (
    cell_from_csv,
    csv_cell,
    export_plan_csv,
    export_plan_json,
    import_plan_csv,
    import_plan_json,
    plan_from_csv,
    plan_to_csv,
)

BOSTON = "Boston-Cambridge-Newton, MA-NH"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().err


# --- private files and folders -------------------------------------------------------------------


@pytest.mark.usefixtures("umask_000")
def test_private_dir_makes_every_missing_parent_0700(tmp_path: Path) -> None:
    make_private_dir(tmp_path / "a" / "b" / "c")
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert mode(folder) == 0o700, folder


def test_private_dir_leaves_a_folder_that_exists_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)  # the user's own (synced, portable) folder is theirs to share
    make_private_dir(shared / "plan")
    assert mode(shared) == 0o755
    assert mode(shared / "plan") == 0o700


@pytest.mark.usefixtures("umask_000")
def test_settings_folder_and_file_are_private_under_umask_000(tmp_path: Path) -> None:
    path = tmp_path / "home" / ".config" / "ptplanner" / "settings.json"
    save_settings(Settings(last_tab=1), path)
    assert mode(path) == 0o600
    for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
        assert mode(folder) == 0o700, folder


@pytest.mark.usefixtures("umask_000")
def test_plan_data_folder_and_its_parents_are_private_under_umask_000(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan_file = tmp_path / "new" / "deeper" / "plan.json"
    code, err = run_cli(capsys, "plan", "--plan-file", str(plan_file), "add", "A step")
    assert code == 0, err
    assert mode(plan_file) == 0o600
    assert mode(plan_file.parent) == 0o700
    assert mode(plan_file.parent.parent) == 0o700


# --- CSV cells never run as formulas -------------------------------------------------------------

FORMULA_LIKE = [
    "=1+2",
    "@SUM(A1:A3)",
    '=HYPERLINK("http://example.invalid","click")',
    "+1",
    "-5",
    "\t=1+2",
    "\r=1+2",
]
ROUND_TRIP_TEXTS = [
    *FORMULA_LIKE,
    "'=1+2",  # an apostrophe the user typed is kept too
    "''-5",
    "'Tis the season",
    "'",
    "plain",
    "a=b",
    " =1",
]


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_formula_like_cells_get_a_leading_apostrophe(text: str) -> None:
    assert csv_cell(text) == "'" + text
    assert cell_from_csv(csv_cell(text)) == text


@pytest.mark.parametrize("text", ["'Tis the season", "plain", "a=b", "", "'", "2026-05-01"])
def test_other_cells_are_written_and_read_as_they_are(text: str) -> None:
    assert csv_cell(text) == text
    assert cell_from_csv(text) == text


def plan_with_texts(texts: list[str]) -> Plan:
    def title(i: int, text: str) -> str:  # a title is one printable line
        return text if text.isprintable() and text.strip() == text != "" else f"Step {i}"

    milestones = tuple(
        Milestone(id=f"step-{i}", title=title(i, text), notes=text, why=text, pay_effect=text)
        for i, text in enumerate(texts)
    )
    return empty_plan().model_copy(update={"milestones": milestones})


def test_exported_csv_has_no_cell_a_spreadsheet_would_run(tmp_path: Path) -> None:
    titles = [text for text in FORMULA_LIKE if text.strip()]
    plan = empty_plan().model_copy(
        update={
            "milestones": tuple(
                Milestone(id=f"-{i}", title=title, notes=title) for i, title in enumerate(titles)
            )
        }
    )
    target = tmp_path / "plan.csv"
    export_plan_csv(plan, target)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'=1+2" in cells
    assert "'-0" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_export_imports_back_exactly(tmp_path: Path) -> None:
    plan = plan_with_texts(ROUND_TRIP_TEXTS)
    target = tmp_path / "plan.csv"
    export_plan_csv(plan, target)
    back = import_plan_csv(target, base=plan)
    assert back.milestones == plan.milestones


def test_hand_written_csv_cells_are_taken_as_they_are() -> None:
    text = "title,notes\r\n=1+2,'Tis the season\r\n'-5,-5\r\n"
    first, second = plan_from_csv(text).milestones
    assert (first.title, first.notes) == ("=1+2", "'Tis the season")
    assert (second.title, second.notes) == ("-5", "-5")


def test_csv_of_a_plan_with_a_negative_looking_link_value_round_trips() -> None:
    plan = plan_with_texts(["-5"])
    assert plan_from_csv(plan_to_csv(plan), base=plan).milestones == plan.milestones


# --- location links are checked where they enter ------------------------------------------------


def test_an_unknown_location_link_is_refused_with_suggestions() -> None:
    with pytest.raises(ValueError, match=r'unknown location "atlantis"; did you mean'):
        SalaryLink.parse("location:atlantis")
    with pytest.raises(ValidationError, match="matches several areas"):
        SalaryLink(kind="location", value="new")


def test_a_unique_part_of_an_area_name_is_stored_as_the_full_name() -> None:
    assert SalaryLink.parse("location:boston").value == BOSTON
    assert SalaryLink(kind="location", value="national").value == "National"
    assert SalaryLink(kind="location", value=BOSTON).value == BOSTON


def test_cli_plan_add_refuses_an_unknown_location(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli(capsys, "plan", "add", "Move", "--link", "location:atlantis")
    assert code == 2
    assert err.startswith("ptplanner: error: --link: unknown location")
    assert "--location" not in err
    assert not paths.plan_file().exists()
    code, err = run_cli(capsys, "plan", "add", "Move", "--link", "location:boston")
    assert code == 0, err
    saved = parse_plan(paths.plan_file().read_bytes())
    (step,) = saved.milestones
    assert step.salary_link == SalaryLink(kind="location", value=BOSTON)


def test_json_and_csv_imports_refuse_an_unknown_location(tmp_path: Path) -> None:
    good = empty_plan().model_copy(
        update={
            "milestones": (
                Milestone(title="Move", salary_link=SalaryLink.parse("location:boston")),
            )
        }
    )
    json_file, csv_file = tmp_path / "plan.json", tmp_path / "plan.csv"
    export_plan_json(good, json_file)
    export_plan_csv(good, csv_file)
    assert import_plan_json(json_file).milestones == good.milestones
    assert import_plan_csv(csv_file, base=good).milestones == good.milestones
    json_file.write_text(json_file.read_text().replace(BOSTON, "atlantis"))
    csv_file.write_text(csv_file.read_text().replace(f'"{BOSTON}"', "atlantis"))
    with pytest.raises(PlanImportError, match="unknown location"):
        import_plan_json(json_file)
    with pytest.raises(PlanImportError, match=r"Line 2: .*unknown location"):
        import_plan_csv(csv_file)


def test_a_saved_plan_with_an_unknown_area_still_opens(tmp_path: Path) -> None:
    # An area a later BLS release dropped must not make the whole plan unreadable.
    plan = json.loads(empty_plan().model_dump_json())
    plan["milestones"] = [{"title": "Move", "salary_link": {"kind": "location", "value": "Gone"}}]
    with tolerating_out_of_range_dates():
        opened = parse_plan(json.dumps(plan).encode())
    link = opened.milestones[0].salary_link
    assert link is not None
    assert link.value == "Gone"


def test_importing_the_plan_model_does_not_load_the_wage_tables() -> None:
    code = (
        "import sys, ptplanner.core.plan.model as m; "
        "m.SalaryLink.parse('certification:cmaa'); "
        "print(sorted(n for n in sys.modules if n in "
        "{'ptplanner.core.locations', 'ptplanner.core.knowledge'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
