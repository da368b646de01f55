"""The main window as a user meets it: tabs, shortcuts, menus, About, and picking up where they
left off."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from ptplanner import __version__
from ptplanner.core.settings import load_settings
from ptplanner.ui.main_window import MainWindow
from ptplanner.ui.tabs.salary.tab import SalaryTab


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_four_tabs_in_order(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert titles == ["Overview", "A day in the life", "Salary", "Plan"]


def test_ctrl_number_switches_tabs(window: MainWindow, qtbot: QtBot) -> None:
    for number in (3, 2, 4, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == number - 1


def test_every_menu_action_has_a_shortcut(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.plan_controller is not None, timeout=5000)

    def actions(menu: QObject | None) -> Iterator[QAction]:
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                yield from actions(action.menu())
            else:
                yield action

    seen = []
    for top in window.menuBar().actions():
        for action in actions(top.menu()):
            if action is window.about_action:
                continue  # About has no key of its own, as in most desktop apps (F1 is the guide)
            assert not action.shortcut().isEmpty(), f"{action.text()} has no shortcut"
            seen.append(action.shortcut().toString())
    assert len(seen) == len(set(seen)), f"a shortcut is used twice: {sorted(seen)}"
    assert "Ctrl+Shift+K" in seen  # Include career packet, a checkable action


def test_no_two_items_of_a_menu_share_a_mnemonic(window: MainWindow, qtbot: QtBot) -> None:
    """Alt+F then a letter must reach one item: "Print" and "Print plan" once shared P."""
    qtbot.waitUntil(lambda: window.plan_controller is not None, timeout=5000)
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        letters = []
        for action in menu.actions():
            text = action.text()
            if "&" in text and not action.isSeparator():
                letters.append(text[text.index("&") + 1].lower())
        assert len(letters) == len(set(letters)), f"{top.text()}: {sorted(letters)}"


def colour_scheme(window: MainWindow) -> str:
    """The saved scheme, read afresh (a type checker would keep an earlier check's answer)."""
    return window.settings.colour_scheme


def test_colour_scheme_shortcuts(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert colour_scheme(window) == "dark"
    assert window.scheme_actions["dark"].isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert colour_scheme(window) == "system"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180


def test_about_names_version_and_sources(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptplanner.ui.help.about import AboutDialog

    shown: list[str] = []

    def show(dialog: AboutDialog) -> int:
        shown.append(dialog.plain_text())
        return 0

    monkeypatch.setattr(AboutDialog, "exec", show)
    window.about_action.trigger()
    assert shown, "About did not open"
    text = shown[0]
    assert __version__ in text
    assert "BLS OEWS, May 2025" in text
    assert "Used under CC BY 4.0" in text
    assert "Regional Price Parities" in text


def test_remembers_tab_and_salary_inputs(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.tabs.setCurrentIndex(2)
    first.scenario.update(location="texas", years_experience=4.0)
    first.scenario.set_years(15)
    first.close()
    settings = load_settings()
    assert settings.last_tab == 2
    assert settings.projection_years == 15
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 2
    assert second.scenario.inputs.location == "Texas"
    assert second.scenario.inputs.years_experience == 4.0
    assert second.scenario.years == 15
    second.close()


def test_remembers_window_size(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    # Stay inside the (small) offscreen screen: restoreGeometry keeps windows on screen.
    screen = first.screen().availableGeometry()
    size = (min(1111, screen.width() - 20), min(733, screen.height() - 40))
    first.resize(*size)
    first.show()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size
    second.close()


def test_salary_tab_is_built_only_when_first_shown(window: MainWindow, qtbot: QtBot) -> None:
    salary_page = window._pages[2]
    assert salary_page.content is None
    with qtbot.waitSignal(window.tab_built, timeout=5000) as blocker:
        window.tabs.setCurrentIndex(2)
    assert blocker.args == ["salary"]
    assert salary_page.content is not None


def test_window_start_does_not_import_pyqtgraph() -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from ptplanner.ui.app import make_application\n"
        "app = make_application()\n"
        "from ptplanner.ui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "print('PYQTGRAPH', 'pyqtgraph' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert "PYQTGRAPH False" in result.stdout, result.stdout + result.stderr


def test_usable_at_1024x700_without_clipping(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1024, 700)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert window.width() <= 1024
        assert window.height() <= 700
        central = window.centralWidget()
        assert central is not None
        assert central.minimumSizeHint().width() <= 1024


def test_window_self_test_builds_every_tab() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ptplanner", "window", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "self-test ok: 4 tabs built" in result.stdout


def test_view_menu_switches_to_a_dark_palette(window: MainWindow) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    def window_lightness() -> int:
        return QApplication.palette().color(QPalette.ColorRole.Window).lightness()

    window._set_scheme("dark")
    assert window_lightness() < 80
    assert colour_scheme(window) == "dark"
    window._set_scheme("light")
    assert window_lightness() > 180


def test_check_boxes_keep_a_visible_outline_in_the_dark_scheme(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

    # Fusion outlines a check box in the window colour darkened by 40%: on the dark palette's
    # window that was the box's own colour, and an empty box was a faint dark square.
    window.scheme_actions["dark"].trigger()
    salary = window.page("salary")
    assert isinstance(salary, SalaryTab)
    box = salary.inputs.cert_checks["cehrs"]
    assert not box.isChecked()
    window_colour = QPalette.ColorRole.Window
    qtbot.waitUntil(lambda: window.palette().color(window_colour).lightness() < 80)
    window.tabs.setCurrentIndex(2)
    qtbot.waitExposed(box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    # The window as the screen shows it: a check box paints no background of its own.
    indicator.translate(box.mapTo(window, indicator.topLeft()) - indicator.topLeft())
    image = window.grab().toImage()
    y = indicator.center().y()
    around = image.pixelColor(indicator.left() - 3, y).lightness()
    edge = max(
        abs(image.pixelColor(x, y).lightness() - around)
        for x in range(indicator.left(), indicator.right() + 1)
    )
    assert edge >= 50, (edge, around)
    # Back to light: check boxes share the application's palette again.
    window.scheme_actions["light"].trigger()
    light_window = QApplication.palette().color(window_colour)
    assert light_window.lightness() > 180
    qtbot.waitUntil(lambda: box.palette().color(window_colour) == light_window)


# --- start-up in two steps ---------------------------------------------------------------------

FIRST_PAINT_PROBE = """
import os, sys
os.environ['QT_QPA_PLATFORM'] = 'offscreen'
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from ptplanner.ui.app import make_application, start

app = make_application()
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen['at_first_paint'] = sorted(
                m for m in ('pydantic', 'pyqtgraph', 'ptplanner.core.settings') if m in sys.modules
            )
            seen['tab'] = watched.tabs.currentIndex()
            seen['built'] = watched._pages[watched.tabs.currentIndex()].content is not None
        return False

probe = FirstPaint()
window = start(before_show=lambda w: w.installEventFilter(probe))
window.loaded.connect(app.quit)
app.exec()
page = window._pages[window.tabs.currentIndex()].content
print('FIRST', seen['at_first_paint'], seen['tab'], seen['built'])
print('LOADED', type(page).__name__, 'pydantic' in sys.modules)
"""


def _run_probe() -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.splitlines()


def test_first_paint_needs_neither_pydantic_nor_the_content() -> None:
    lines = _run_probe()
    # The window is drawn before pydantic, the settings file or any tab's content is loaded ...
    assert "FIRST [] 0 False" in lines
    # ... and the first tab's content follows right after, without the user doing anything.
    assert "LOADED OverviewTab True" in lines


def test_first_paint_shows_the_tab_the_user_left(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.tabs.setCurrentIndex(1)
    first.close()
    lines = _run_probe()
    assert "FIRST [] 1 False" in lines
    assert "LOADED DayTab True" in lines


def test_the_settings_file_wins_over_the_start_up_copy(qtbot: QtBot) -> None:
    from ptplanner.core.settings import save_settings

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.tabs.setCurrentIndex(3)
    first.close()
    # The settings file changes behind the window's back (an older copy restored, an edit).
    settings = load_settings()
    settings.last_tab = 1
    settings.colour_scheme = "dark"
    save_settings(settings)

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 3  # drawn from window.ini first
    with qtbot.waitSignal(second.loaded, timeout=5000):
        second.show()
    assert second.tabs.currentIndex() == 1
    assert second.scheme_actions["dark"].isChecked()
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    second._set_scheme("system")
    second.close()


def test_a_dark_choice_is_drawn_dark_from_the_first_paint(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first._set_scheme("dark")
    first.close()
    first._set_scheme("system")  # restore this test process's palette
    code = FIRST_PAINT_PROBE.replace(
        "seen['built'] =",
        "seen['dark'] = QApplication.palette().window().color().lightness() < 80\n"
        "            seen['built'] =",
    ).replace("print('LOADED'", "print('DARK', seen['dark'])\nprint('LOADED'")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "DARK True" in result.stdout.splitlines()


def test_source_text_read_by_pyside_is_not_kept(window: MainWindow, qtbot: QtBot) -> None:
    import linecache

    # PySide6 reads the source of every module imported after it; building a tab imports
    # pyqtgraph, pydantic and the core. None of that text may stay behind in linecache.
    with qtbot.waitSignal(window.tab_built, timeout=10000):
        window.tabs.setCurrentIndex(2)
    kept = [name for name in linecache.cache if "pyqtgraph" in name or "ptplanner" in name]
    assert kept == []
