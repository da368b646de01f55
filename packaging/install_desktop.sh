#!/usr/bin/env bash
# Install PT Planner's desktop integration: launcher (.desktop), AppStream metadata and icons.
#
#   bash packaging/install_desktop.sh                  # for you: ~/.local
#   sudo bash packaging/install_desktop.sh --prefix /usr/local   # for every user
#   bash packaging/install_desktop.sh --prefix /tmp/stage --no-refresh   # staging, e.g. distros
#   bash packaging/install_desktop.sh --uninstall      # remove what a previous run installed
#
# This installs only the integration files. The launcher runs `ptplanner-gui`, so the program
# itself must be on PATH too: `pipx install ptplanner`, `pip install --user ptplanner`, or a
# PyInstaller bundle linked into a PATH folder (see packaging/README.md).
set -euo pipefail

APP_ID="io.github.ptplanner.PTPlanner"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
THEME_SRC="$REPO/resources/icons/hicolor"

prefix="$HOME/.local"
refresh=1
uninstall=0

usage() {
    sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --no-refresh) refresh=0; shift ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

share="$prefix/share"
desktop_dst="$share/applications/$APP_ID.desktop"
metainfo_dst="$share/metainfo/$APP_ID.metainfo.xml"

# Every icon file of the theme tree, relative to hicolor/ (e.g. 48x48/apps/<id>.png).
mapfile -t icons < <(cd "$THEME_SRC" && find . -type f -name "$APP_ID.*" | sed 's|^\./||' | sort)
if [[ ${#icons[@]} -eq 0 ]]; then
    echo "error: no icons under $THEME_SRC; run tools/make_icons.py first" >&2
    exit 1
fi

if [[ $uninstall -eq 1 ]]; then
    rm -f "$desktop_dst" "$metainfo_dst"
    for icon in "${icons[@]}"; do
        rm -f "$share/icons/hicolor/$icon"
    done
    echo "removed PT Planner's desktop files from $share"
else
    # install -D creates the parent folders; mode 644 because these are data, not programs.
    install -Dm644 "$HERE/$APP_ID.desktop" "$desktop_dst"
    install -Dm644 "$HERE/$APP_ID.metainfo.xml" "$metainfo_dst"
    for icon in "${icons[@]}"; do
        install -Dm644 "$THEME_SRC/$icon" "$share/icons/hicolor/$icon"
    done
    echo "installed PT Planner's launcher, metadata and ${#icons[@]} icons under $share"
    if ! command -v ptplanner-gui >/dev/null 2>&1; then
        echo "note: ptplanner-gui is not on PATH yet; the launcher needs it (see packaging/README.md)"
    fi
fi

# Menus and icon lookups are cached; refresh the caches so the change shows without a re-login.
# Skipped for staging prefixes (packagers run these triggers on the target system instead).
if [[ $refresh -eq 1 ]]; then
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && [[ -f "$share/icons/hicolor/index.theme" ]]; then
        # Only where a theme index exists: without one the command fails, and ~/.local has none
        # (desktops then read the folder directly, which is what we want).
        gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
    fi
fi
