"""The wheel and sdist build, hold what they should, and the wheel works once installed.

The point of installing into a fresh venv and running from a folder outside the repository is
that an editable install (the dev .venv) finds ``resources/`` through the source tree, so only
an installed wheel proves the data files really ship inside the package.

Every test here is slow (a build, a venv, a pip install): ``pytest -m "not slow"`` skips them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path, PurePosixPath

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
APP_ID = "io.github.ptplanner.PTPlanner"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _version() -> str:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def _run(
    command: list[str | Path], *, cwd: Path, timeout: float, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} exited {result.returncode}\n"
        f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    )
    return result


def _clean_env(home: Path) -> dict[str, str]:
    """The environment for the installed program: no path back into the source tree.

    PYTHONPATH or a VIRTUAL_ENV pointing at the dev .venv would let the source tree leak in and
    hide a missing file. HOME and the XDG folders point at a private folder so nothing reads or
    writes the real user's plan.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        PTPLANNER_DATA_DIR=str(home / "ptplanner-data"),
        PTPLANNER_CONFIG_DIR=str(home / "ptplanner-config"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the sdist and the wheel once for the module (the wheel is built from the sdist)."""
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", out, REPO], cwd=out, timeout=300)
    wheels = sorted(out.glob("ptplanner-*.whl"))
    sdists = sorted(out.glob("ptplanner-*.tar.gz"))
    built = sorted(p.name for p in out.iterdir())
    assert len(wheels) == 1, built
    assert len(sdists) == 1, built
    return {"wheel": wheels[0], "sdist": sdists[0]}


@pytest.fixture(scope="module")
def installed(dists: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv, outside the repository, with the wheel installed the ordinary way."""
    root = tmp_path_factory.mktemp("installed")
    target = root / "venv"
    # with_pip: the venv must not see the dev .venv's packages, so it installs its own copies
    # of PySide6, pyqtgraph and pydantic from the wheel's dependency list.
    venv.EnvBuilder(with_pip=True, clear=True).create(target)
    python = target / "bin" / "python"
    _run([python, "-m", "pip", "install", "--quiet", dists["wheel"]], cwd=root, timeout=600)
    return target


def _bad_member(name: str) -> bool:
    """A path that must never ship: tests, bytecode, caches, or a virtualenv swept in."""
    parts = PurePosixPath(name).parts
    return (
        "__pycache__" in parts
        or name.endswith((".pyc", ".pyo"))
        or any(
            part in {"tests", ".venv", ".venv-bundle", "site-packages", ".git"} for part in parts
        )
        or any(part.endswith(".egg-info") for part in parts)
        or "pyvenv.cfg" in parts
    )


def test_wheel_holds_the_package_and_its_data(dists: dict[str, Path]) -> None:
    with zipfile.ZipFile(dists["wheel"]) as wheel:
        names = set(wheel.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = wheel.read(entry_points).decode()

    assert "ptplanner/__init__.py" in names
    assert "ptplanner/core/resources.py" in names
    assert "ptplanner/resources/sources.json" in names
    assert "ptplanner/resources/icons/ptplanner.svg" in names
    for size in ICON_SIZES:
        assert f"ptplanner/resources/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in names
    assert f"ptplanner/resources/icons/hicolor/scalable/apps/{APP_ID}.svg" in names
    # Every data file of the repository is in the wheel, not just the ones named above.
    for path in (REPO / "resources").rglob("*"):
        if path.is_file() and not _bad_member(path.as_posix()):
            relative = path.relative_to(REPO / "resources").as_posix()
            assert f"ptplanner/resources/{relative}" in names, relative

    bad = sorted(name for name in names if _bad_member(name))
    assert not bad, bad
    # Only the package and its metadata at the top level: no stray tools/, packaging/, docs/.
    top = {name.split("/", 1)[0] for name in names}
    assert top == {"ptplanner", f"ptplanner-{_version()}.dist-info"}, top
    assert "ptplanner = ptplanner.cli.main:main" in scripts
    assert "ptplanner-gui = ptplanner.cli.main:gui_main" in scripts


def test_sdist_holds_the_sources_and_nothing_else(dists: dict[str, Path]) -> None:
    prefix = f"ptplanner-{_version()}/"
    with tarfile.open(dists["sdist"]) as sdist:
        names = [member.name for member in sdist.getmembers() if member.isfile()]
    assert all(name.startswith(prefix) for name in names)
    relative = {name[len(prefix) :] for name in names}
    for required in (
        "pyproject.toml",
        "README.md",
        "src/ptplanner/__init__.py",
        "resources/sources.json",
        "resources/icons/ptplanner.svg",
        f"packaging/{APP_ID}.desktop",
        f"packaging/{APP_ID}.metainfo.xml",
        "tools/make_icons.py",
    ):
        assert required in relative, required
    # The sdist ships tests on purpose (so packagers can run them); everything else that
    # _bad_member rejects must not be there, e.g. a venv whose site-packages has a "tests"
    # folder that an unanchored include pattern would sweep in.
    bad = sorted(
        name
        for name in relative
        if _bad_member(name)
        and not (name.startswith("tests/") and name.endswith(".py"))
        and not name.startswith("tests/fixtures/")  # the tests' data (the guide's fingerprint)
    )
    assert not bad, bad[:20]


def test_installed_wheel_finds_its_data_outside_the_source_tree(
    installed: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    probe = (
        "import ptplanner, json\n"
        "from ptplanner.core.resources import resources_root, load_json\n"
        "root = resources_root()\n"
        "print(json.dumps({'package': ptplanner.__file__, 'root': str(root),\n"
        "                  'version': ptplanner.__version__,\n"
        "                  'sources': bool(load_json('sources.json'))}))\n"
    )
    result = _run(
        [installed / "bin" / "python", "-c", probe],
        cwd=outside,
        env=_clean_env(tmp_path / "home"),
        timeout=60,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    site = installed.resolve()
    assert Path(found["package"]).resolve().is_relative_to(site), found
    assert Path(found["root"]).resolve().is_relative_to(site), found
    assert not Path(found["root"]).resolve().is_relative_to(REPO.resolve()), found
    assert found["version"] == _version()
    assert found["sources"]


def test_installed_commands_run(installed: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = _clean_env(tmp_path / "home")
    bin_dir = installed / "bin"
    assert (bin_dir / "ptplanner-gui").is_file()

    version = _run([bin_dir / "ptplanner", "--version"], cwd=outside, env=env, timeout=60)
    assert version.stdout.strip() == f"ptplanner {_version()}"

    projection = _run(
        [bin_dir / "ptplanner", "projection", "--years", "3"], cwd=outside, env=env, timeout=120
    )
    # Three projected years after the current one: a table row per year, each with dollars.
    rows = [line for line in projection.stdout.splitlines() if line[:4].isdigit() and "$" in line]
    assert len(rows) >= 3, projection.stdout


def test_installed_window_and_pdf_work(installed: Path, tmp_path: Path) -> None:
    """The window (offscreen) builds every tab, and --pdf writes a report, from the wheel alone."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = _clean_env(tmp_path / "home")
    bin_dir = installed / "bin"

    window = _run(
        [bin_dir / "ptplanner", "window", "--self-test"], cwd=outside, env=env, timeout=180
    )
    assert "self-test ok: 4 tabs built" in window.stdout

    pdf = outside / "projection.pdf"
    json_run = _run(
        [bin_dir / "ptplanner", "projection", "--years", "3", "--format", "json", "--pdf", pdf],
        cwd=outside,
        env=env,
        timeout=180,
    )
    assert pdf.read_bytes().startswith(b"%PDF-")
    typical = json.loads(json_run.stdout)["today"]["base_typical"]
    if shutil.which("pdftotext"):
        text = _run(["pdftotext", "-layout", pdf, "-"], cwd=outside, timeout=60).stdout
        assert f"${typical:,}" in text
