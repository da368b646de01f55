"""Where ptplanner keeps the user's own files: the plan (data dir) and settings (config dir).

The folders come from platformdirs, so each OS gets its usual place. ``PTPLANNER_DATA_DIR`` and
``PTPLANNER_CONFIG_DIR`` override them: that is how a portable copy keeps everything on a USB stick
and how every test gets a private throw-away folder. These functions only compute paths; creating
folders (with private permissions) is the job of whoever writes into them.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "ptplanner"
DATA_DIR_ENV = "PTPLANNER_DATA_DIR"
CONFIG_DIR_ENV = "PTPLANNER_CONFIG_DIR"
PLAN_FILE_NAME = "plan.json"


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    # An empty variable means "not set": a stray `PTPLANNER_DATA_DIR=` must not resolve to the
    # current working directory and scatter files there.
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The folder for the plan, its backups and its lock file."""
    return _from_env(DATA_DIR_ENV) or user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The folder for settings."""
    return _from_env(CONFIG_DIR_ENV) or user_config_path(APP_NAME, appauthor=False)


def plan_file() -> Path:
    """The default plan file, ``<data dir>/plan.json``."""
    return data_dir() / PLAN_FILE_NAME
