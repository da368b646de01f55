"""Settings: defaults, only non-defaults on disk, migrations, and never refusing to start."""

from __future__ import annotations

import json
from pathlib import Path

from ptplanner.core.settings import SETTINGS_VERSION, Settings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == Settings()


def test_round_trip_writes_only_changes(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    save_settings(Settings(last_tab=2, projection_years=20), path)
    on_disk = json.loads(path.read_text())
    assert on_disk == {"last_tab": 2, "projection_years": 20, "schema_version": SETTINGS_VERSION}
    assert load_settings(path).projection_years == 20
    assert path.stat().st_mode & 0o777 == 0o600


def test_version_1_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"schema_version": 1, "dark": True, "last_inputs": {"location": "Texas"}})
    )
    settings = load_settings(path)
    assert settings.colour_scheme == "dark"
    assert settings.salary_inputs == {"location": "Texas"}


def test_unreadable_file_is_set_aside_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert load_settings(path) == Settings()
    kept = list(tmp_path.glob("settings.unreadable-*.json"))
    assert len(kept) == 1
    assert kept[0].read_text() == "{not json"


def test_newer_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": SETTINGS_VERSION + 1, "last_tab": 3}))
    assert load_settings(path) == Settings()
    assert path.exists()


def test_version_2_profile_loses_the_first_models_assumptions(tmp_path: Path) -> None:
    from ptplanner.core.salary.inputs import SalaryInputs, default_assumptions

    path = tmp_path / "settings.json"
    old_assumptions = {
        "raise_pct": 3.4,
        "inflation_pct": 3.0,
        "bonus_pct": 4.24,
        "pto_value_pct": 11.08,
        "promotion_pct": 10,
    }
    path.write_text(
        json.dumps(
            {
                "schema_version": 2,
                "show_inflation_adjusted": True,
                "salary_inputs": {"location": "Texas", "assumptions": old_assumptions},
            }
        )
    )
    settings = load_settings(path)
    assert settings.dollars == "today"
    assert settings.salary_inputs is not None
    profile = SalaryInputs.from_saved(settings.salary_inputs)
    assert profile.location == "Texas"
    assert profile.assumptions.inflation_pct == 3.0  # the person's own figure is kept
    defaults = default_assumptions()
    assert profile.assumptions.market_growth_pct == defaults.market_growth_pct
    assert profile.role == "care_coordinator"


def test_version_3_users_are_not_welcomed_again(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 3, "last_tab": 2}))
    settings = load_settings(path)
    assert settings.welcome_done
    assert settings.last_tab == 2
    save_settings(settings, path)
    assert json.loads(path.read_text())["welcome_done"] is True


def test_a_first_launch_has_not_seen_the_welcome(tmp_path: Path) -> None:
    assert not load_settings(tmp_path / "settings.json").welcome_done
    path = tmp_path / "settings.json"
    save_settings(Settings(), path)
    assert not load_settings(path).welcome_done
