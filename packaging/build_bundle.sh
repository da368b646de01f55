#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle of PT Planner and smoke-test it.
#
#   bash packaging/build_bundle.sh            # from anywhere; paths are relative to the repo
#   PYTHON=python3.12 bash packaging/build_bundle.sh
#
# Output: build/bundle/dist/ptplanner/ (run build/bundle/dist/ptplanner/ptplanner).
# build/ is git-ignored; nothing here is committed.
#
# The bundle gets its own virtualenv (build/.venv-bundle) with a regular, non-editable install
# of the project: PyInstaller must see ptplanner as an installed package (for its dist-info
# metadata and the version), and keeping PyInstaller out of the development .venv keeps that
# environment's dependency set the one the tests run against. It lives under build/ because
# build/ is git-ignored, and hatchling leaves git-ignored paths out of the sdist: a venv at the
# repository root would otherwise be swept into it by the sdist's "tests"/"packaging" patterns.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

PYTHON="${PYTHON:-python3}"
VENV="${BUNDLE_VENV:-$REPO/build/.venv-bundle}"
OUT="$REPO/build/bundle"
DIST="$OUT/dist"

if [[ ! -x "$VENV/bin/python" ]]; then
    echo "==> creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
echo "==> installing PyInstaller and ptplanner into $VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "pyinstaller>=6.10" "$REPO"

echo "==> building the bundle into $DIST"
rm -rf "$DIST/ptplanner"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$OUT/work" \
    "$REPO/packaging/ptplanner.spec"

EXE="$DIST/ptplanner/ptplanner"
echo "==> smoke test: $EXE"
# Run from a directory outside the repository, so a resource that was not bundled cannot be
# found through the source tree by accident.
SMOKE_DIR="$(mktemp -d)"
trap 'rm -rf "$SMOKE_DIR"' EXIT
cd "$SMOKE_DIR"
export QT_QPA_PLATFORM=offscreen
# A private home, so the smoke test never reads or writes the builder's own plan and settings.
export HOME="$SMOKE_DIR/home" XDG_DATA_HOME="$SMOKE_DIR/home/data" \
    XDG_CONFIG_HOME="$SMOKE_DIR/home/config" XDG_CACHE_HOME="$SMOKE_DIR/home/cache"
mkdir -p "$HOME"

version_out="$("$EXE" --version)"
echo "$version_out"
expected="ptplanner $(sed -n 's/^version = "\(.*\)"$/\1/p' "$REPO/pyproject.toml" | head -n1)"
if [[ "$version_out" != "$expected" ]]; then
    echo "error: --version printed '$version_out', expected '$expected'" >&2
    exit 1
fi

"$EXE" projection --years 3
# The window itself: every tab is built (all resources and lazy imports found), then it quits.
self_test="$("$EXE" window --self-test)"
echo "$self_test"
if [[ "$self_test" != "self-test ok:"* ]]; then
    echo "error: the bundled window did not pass its self-test" >&2
    exit 1
fi

echo "==> bundle OK: $(du -sh "$DIST/ptplanner" | cut -f1) in $DIST/ptplanner"
