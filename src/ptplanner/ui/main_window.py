"""The main window: four tabs, menus with shortcuts, and remembering where the user left off.

The window owns no domain state. The salary scenario lives in :class:`ScenarioModel`, the plan in
the plan controller; the window builds each tab the first time it is shown, wires models to tabs,
and saves geometry and preferences on close.

Start-up comes in steps so the window appears at once and its content soon after. The
constructor needs Qt only: tabs, menus, geometry, and the last tab and colour scheme from
``window.ini``. Just after the first paint, a returning user's Overview or Day tab is built from
the knowledge base alone and painted; then :meth:`MainWindow.finish_loading` loads the rest
(the settings file, the salary scenario, the plan, the welcome page on a first launch), or
earlier if something asks for ``settings`` or ``scenario``. On a first launch the welcome page
is the first content: it is shown before the tab behind it is built.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QSettings,
    QSize,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from ptplanner.core import paths
from ptplanner.ui.lazy_tabs import AfterFirstPaint, LazyTab, release_source_cache

if TYPE_CHECKING:
    from ptplanner.core.report.build import ReportInput
    from ptplanner.core.settings import Settings
    from ptplanner.ui.tabs.plan.controller import PlanController
    from ptplanner.ui.tabs.plan.menu_actions import PlanMenuActions
    from ptplanner.ui.tabs.plan.reminders import PlanReminders
    from ptplanner.ui.tabs.salary.scenario import ScenarioModel
    from ptplanner.ui.welcome.flow import WelcomeFlow

log = logging.getLogger(__name__)

TAB_TITLES = ("&Overview", "A &day in the life", "&Salary", "&Plan")
TAB_NAMES = ("overview", "day", "salary", "plan")
COLOUR_SCHEMES = ("system", "light", "dark")
# The first window's size on a big screen, and the smallest it may be made: 1024x768 less a
# taskbar holds it. Both are capped to smaller screens (ui/fitting.py).
PREFERRED_SIZE = (1280, 800)
MINIMUM_SIZE = (760, 520)

# window.ini keeps copies of two preferences from the settings file so the first paint can use
# them without loading pydantic. The settings file stays the authority: finish_loading() corrects
# the window if the copies disagree (an older window.ini, a hand-edited settings file, a crash).
STARTUP_TAB_KEY = "startup/last_tab"
STARTUP_SCHEME_KEY = "startup/colour_scheme"
# If no paint arrives (a window started minimised), load anyway this long after being shown.
LOAD_FALLBACK_MS = 300
# Posted to the window from its first paint: the event loop delivers it once that paint has
# reached the screen.
_FINISH_LOADING = QEvent.Type(QEvent.registerEventType())
# Tabs whose content needs only the knowledge base (no settings, scenario or plan).
_KNOWLEDGE_TABS = ("overview", "day")


class MainWindow(QMainWindow):
    """The application window. ``settings`` is injectable for tests."""

    tab_built = Signal(str)
    loaded = Signal()

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._scenario: ScenarioModel | None = None
        self._finished = False
        self._loaded = False
        self._load_scheduled = False
        self.plan_controller: PlanController | None = None
        self.plan_actions: PlanMenuActions | None = None
        self.plan_reminders: PlanReminders | None = None
        self.setWindowTitle("PT Planner")
        self._qsettings = QSettings(
            str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat
        )
        start_tab, self.startup_colour_scheme = self._startup_preferences()

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Sections")
        self._pages: list[LazyTab] = []
        builders = (self._build_overview, self._build_day, self._build_salary, self._build_plan)
        for title, name, build in zip(TAB_TITLES, TAB_NAMES, builders, strict=True):
            page = LazyTab(build, name)
            self._pages.append(page)
            self.tabs.addTab(page, title)
        # The welcome page (ui/welcome) shows in front of the tabs in this stack.
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tabs)
        self.welcome: WelcomeFlow | None = None
        self.setCentralWidget(self.stack)
        self.tabs.setCurrentIndex(start_tab)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self._make_actions()
        self._make_menus()
        self.statusBar().showMessage("Figures: BLS OEWS May 2025 and the career guide", 5000)
        self._restore_geometry()

    # --- two-step start-up --------------------------------------------------------------------

    def _startup_preferences(self) -> tuple[int, str]:
        """The tab and colour scheme to draw first: from injected settings, else window.ini."""
        if self._settings is not None:
            return self._clamp_tab(self._settings.last_tab), self._settings.colour_scheme
        try:
            tab = int(self._qsettings.value(STARTUP_TAB_KEY, 0))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            tab = 0
        scheme = str(self._qsettings.value(STARTUP_SCHEME_KEY, "system"))
        return self._clamp_tab(tab), scheme if scheme in COLOUR_SCHEMES else "system"

    @staticmethod
    def _clamp_tab(index: int) -> int:
        return min(max(index, 0), len(TAB_NAMES) - 1)

    def event(self, event: QEvent) -> bool:
        if event.type() == _FINISH_LOADING:
            self._show_first_content()
            return True
        if event.type() == QEvent.Type.Paint and not self._load_scheduled:
            self._load_scheduled = True
            QCoreApplication.postEvent(self, QEvent(_FINISH_LOADING))
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(LOAD_FALLBACK_MS, self.finish_loading)

    def _load_core(self) -> None:
        """Settings and the salary scenario: the state every tab and menu works on."""
        if self._scenario is not None:
            return
        from ptplanner.core.settings import load_settings
        from ptplanner.ui.tabs.salary.profile_saver import ProfileSaver
        from ptplanner.ui.tabs.salary.scenario import ScenarioModel

        if self._settings is None:
            self._settings = load_settings()
        self._scenario = ScenarioModel(self._settings)
        # Written a moment after each change, not only on quit: the command line reads it.
        self._profile_saver = ProfileSaver(self._scenario, self._write_settings, self)

    @property
    def settings(self) -> Settings:
        self._load_core()
        assert self._settings is not None
        return self._settings

    @property
    def scenario(self) -> ScenarioModel:
        self._load_core()
        assert self._scenario is not None
        return self._scenario

    def _show_first_content(self) -> None:
        """Build a returning user's knowledge-only tab first, and load the rest once it is
        painted; otherwise (a first launch, or a tab needing the settings) load everything.
        """
        if self._finished:
            return
        index = self.tabs.currentIndex()
        page = self._pages[index]
        if (
            self._settings is not None
            or TAB_NAMES[index] not in _KNOWLEDGE_TABS
            or page.content is not None
            or self._may_welcome()
        ):
            self.finish_loading(defer_hidden_tab=True)
            return
        content = page.ensure_built()
        self.tab_built.emit(TAB_NAMES[index])
        # The content itself: the page holding it is painted once before it is shown in it.
        AfterFirstPaint(content, self.finish_loading)
        # If the page is never painted (a minimised window), load anyway.
        QTimer.singleShot(LOAD_FALLBACK_MS, self.finish_loading)

    @staticmethod
    def _may_welcome() -> bool:
        """Whether this may be a first launch, told without reading the settings file: the
        welcome page only opens while there is no plan file.
        """
        return not paths.plan_file().exists()

    def finish_loading(self, defer_hidden_tab: bool = False) -> None:
        """Load settings, the current tab's content and the plan; the second step of start-up.

        Runs once, right after the first paint (or the first tab's); calling it again does
        nothing. With ``defer_hidden_tab``, a tab hidden behind the welcome page is built just
        after the page's first paint rather than before it; ``loaded`` follows that.
        """
        if self._finished:
            return
        self._finished = True
        from ptplanner import __version__

        # The version comes from the package metadata: read after the first paint, it is slow.
        QCoreApplication.setApplicationVersion(__version__)
        self._load_core()
        settings = self.settings
        if settings.colour_scheme != self.startup_colour_scheme:
            self._set_scheme(settings.colour_scheme)
        wanted = self._clamp_tab(settings.last_tab)
        if wanted != self.tabs.currentIndex():
            self.tabs.setCurrentIndex(wanted)  # builds the page through _on_tab_changed
        welcome = self._welcome()
        if welcome is not None:
            welcome.open_if_first_launch()
        if defer_hidden_tab and welcome is not None and welcome.page is not None:
            AfterFirstPaint(welcome.page, self._finish_current_tab)
            QTimer.singleShot(LOAD_FALLBACK_MS, self._finish_current_tab)
        else:
            self._finish_current_tab()

    def _finish_current_tab(self) -> None:
        """Build the current tab if it is not yet, then say loading is done (once)."""
        if self._loaded:
            return
        self._loaded = True
        current = self.tabs.currentIndex()
        if self._pages[current].content is None:
            self._pages[current].ensure_built()
            self.tab_built.emit(TAB_NAMES[current])
        release_source_cache()
        self.loaded.emit()

    # --- tabs -------------------------------------------------------------------------------

    def _build_overview(self) -> QWidget:
        from ptplanner.core.content import overview
        from ptplanner.core.onet import onet
        from ptplanner.ui.tabs.overview.tab import OverviewTab

        return OverviewTab(overview(), onet())

    def _build_day(self) -> QWidget:
        from ptplanner.core.day import day_timeline
        from ptplanner.core.onet import onet
        from ptplanner.ui.tabs.day.tab import DayTab

        return DayTab(day_timeline(), onet())

    def _build_salary(self) -> QWidget:
        from ptplanner.ui.tabs.salary.tab import SalaryTab

        return SalaryTab(self.scenario)

    def _build_plan(self) -> QWidget:
        controller = self._plan()
        if controller is None:
            from PySide6.QtCore import Qt

            label = QLabel("The plan could not be opened. See the message shown at start-up.")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return label
        from ptplanner.ui.tabs.plan.tab import PlanTab

        return PlanTab(controller)

    def page(self, name: str) -> QWidget:
        """The built content of a tab by name ("overview", "day", "salary", "plan")."""
        page: QWidget = self._pages[TAB_NAMES.index(name)].ensure_built()
        return page

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._pages):
            built = self._pages[index].content is None
            self._pages[index].ensure_built()
            if built:
                self.tab_built.emit(TAB_NAMES[index])
            self.settings.last_tab = index

    # --- plan ---------------------------------------------------------------------------------

    def _plan(self) -> PlanController | None:
        """The plan controller, created on first use (it opens and locks the plan file)."""
        if self.plan_controller is None:
            try:
                from ptplanner.ui.tabs.plan.controller import PlanController
            except ImportError:
                return None
            from ptplanner.core.plan.tailor import ready_plan_for
            from ptplanner.core.plan.template import empty_plan

            # Its dialogs open over the window. With no plan file it starts empty and unsaved:
            # the welcome page (or the Plan tab's empty page) offers the ready plan.
            controller = PlanController(parent=self, new_plan=empty_plan)
            controller.ready_plan_source = lambda: ready_plan_for(
                self.scenario.inputs, controller.today()
            )
            controller.salary_effects_changed.connect(self.scenario.set_plan_effects)
            self.scenario.set_plan_effects(controller.salary_effects())
            self._show_plan_actions(controller)
            self.plan_controller = controller
        return self.plan_controller

    # --- welcome ------------------------------------------------------------------------------

    def _welcome(self) -> WelcomeFlow | None:
        """The welcome page's flow (ui/welcome), made once the plan is open."""
        controller = self._plan()
        if self.welcome is None and controller is not None:
            from ptplanner.ui.welcome.flow import WelcomeFlow

            self.welcome = WelcomeFlow(
                self.stack,
                self.tabs,
                self.scenario,
                controller,
                self.settings,
                self._write_settings,
            )
        return self.welcome

    def new_plan(self) -> None:
        """File > New plan...: the welcome page again, filled in from the Salary profile."""
        if (welcome := self._welcome()) is not None:
            welcome.open(first_launch=False)

    def _show_plan_actions(self, controller: PlanController) -> None:
        """The plan's File and Edit menu items, and its messages in the status bar."""
        from ptplanner.ui.tabs.plan.menu_actions import PlanMenuActions

        actions = self.plan_actions = PlanMenuActions(
            controller, self, lambda: self.settings.reminder_days
        )
        self.file_menu.insertActions(self.plan_file_separator, actions.file_actions())
        self.edit_menu.addActions(actions.edit_actions())
        self._start_reminders(controller)
        controller.message.connect(self._show_plan_message)
        if controller.notice:
            self.statusBar().showMessage(controller.notice, 20000)

    def _start_reminders(self, controller: PlanController) -> None:
        """Reminders of steps falling due while the window is open, and their View menu switch."""
        from ptplanner.ui.tabs.plan.reminders import PlanReminders

        self.plan_reminders = PlanReminders(controller, self.settings, self._write_settings, self)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.plan_reminders.toggle_action)

    def _show_plan_message(self, level: str, text: str) -> None:
        self.statusBar().showMessage(text, 8000)
        # A status-bar line is never read out by itself: say it (a warning interrupts).
        from ptplanner.ui.accessibility import announce

        announce(self.statusBar(), text, assertive=level != "info")

    # --- actions and menus ------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.print_action = self._action(
            "&Print...", key.Print, self.print_projection, "Print the salary projection"
        )
        self.preview_action = self._action(
            "Print pre&view...",
            "Ctrl+Shift+P",
            self.preview_projection,
            "Preview the printed salary projection",
        )
        self.pdf_action = self._action(
            "&Export PDF...", "Ctrl+E", self.export_pdf, "Save the salary projection as a PDF file"
        )
        self.new_plan_action = self._action(
            "Ne&w plan...", "Ctrl+Alt+N", self.new_plan, "Start a new plan from a few questions"
        )
        # "pac&ket", not "&packet": P is Print's mnemonic, K matches Ctrl+Shift+K.
        self.packet_action = QAction("Include career pac&ket", self)
        self.packet_action.setCheckable(True)
        self.packet_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.packet_action.setStatusTip(
            "Add your plan's progress and a one-page role summary to printouts"
        )
        self.addAction(self.packet_action)
        # StandardKey.Quit is empty on some platforms (and offscreen); Ctrl+Q is what users expect.
        self.quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        self.guide_action = self._action(
            "&User guide",
            QKeySequence.StandardKey.HelpContents,
            self.show_guide,
            "Open the guide at the page for this tab",
        )
        if self.guide_action.shortcut().isEmpty():  # HelpContents is empty on some platforms
            self.guide_action.setShortcut(QKeySequence("F1"))
        self.about_action = self._action("&About PT Planner", None, self.show_about)
        self.tab_actions: list[QAction] = []
        for i, title in enumerate(TAB_TITLES):
            action = self._action(title.replace("&", ""), f"Ctrl+{i + 1}", self._tab_switcher(i))
            self.tab_actions.append(action)

    def _tab_switcher(self, index: int) -> Callable[[], None]:
        return lambda: self.tabs.setCurrentIndex(index)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addAction(self.new_plan_action)
        self.file_menu.addSeparator()
        for action in (self.print_action, self.preview_action, self.pdf_action, self.packet_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.plan_file_separator = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("&Edit")

        view = self.view_menu = bar.addMenu("&View")
        for action in self.tab_actions:
            view.addAction(action)
        view.addSeparator()
        scheme_menu = view.addMenu("&Colour scheme")
        group = QActionGroup(self)
        self.scheme_actions: dict[str, QAction] = {}
        labels = ("Follow the &system", "&Light", "&Dark")
        keys = ("Ctrl+Shift+F", "Ctrl+Shift+L", "Ctrl+Shift+D")
        for value, label, shortcut in zip(COLOUR_SCHEMES, labels, keys, strict=True):
            action = QAction(label, self, checkable=True)
            action.setShortcut(QKeySequence(shortcut))
            self.addAction(action)
            action.setChecked(self.startup_colour_scheme == value)
            action.triggered.connect(lambda _c=False, v=value: self._set_scheme(v))
            group.addAction(action)
            scheme_menu.addAction(action)
            self.scheme_actions[value] = action

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _set_scheme(self, value: str) -> None:
        from ptplanner.ui.theme import apply_colour_scheme

        self.settings.colour_scheme = value  # type: ignore[assignment]
        self.scheme_actions[value].setChecked(True)
        apply_colour_scheme(value)

    # --- printing -----------------------------------------------------------------------------

    def report(self) -> ReportInput:
        from ptplanner.core.report.build import PinInput, ReportInput

        controller = self.plan_controller
        return ReportInput(
            projection=self.scenario.projection(),
            pins=tuple(PinInput(pin.label, pin.projection) for pin in self.scenario.pins),
            plan=controller.plan if controller is not None else None,
            career_packet=self.packet_action.isChecked(),
            printed_on=date.today(),
            dollars=self.scenario.dollars,
        )

    def print_projection(self) -> None:
        from ptplanner.ui.report.dialogs import print_with_dialog

        sent = print_with_dialog(self, self.report())
        if sent:
            self._show_plan_message("info", sent)

    def preview_projection(self) -> None:
        from ptplanner.ui.report.dialogs import preview

        preview(self, self.report())

    def export_pdf(self) -> None:
        from ptplanner.ui.report.dialogs import export_pdf_with_dialog

        saved = export_pdf_with_dialog(self, self.report())
        if saved is not None:
            self._show_plan_message("info", f"Saved {saved.name}")

    # --- about --------------------------------------------------------------------------------

    def show_about(self) -> None:
        from ptplanner.ui.help.about import AboutDialog, about_html

        AboutDialog(about_html(), self.windowIcon(), self).exec()

    def show_guide(self) -> None:
        """The user guide, at the page for the tab shown (F1)."""
        from ptplanner.ui.help import show_help

        show_help(self, TAB_NAMES[self.tabs.currentIndex()])

    # --- persistence --------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        from ptplanner.ui import fitting

        # A first window takes the screen it gets (1024x768, or 1280x720 at 150%: 853x480),
        # and a size saved on a bigger monitor is brought onto this one.
        available = fitting.available_geometry(self)
        self.setMinimumSize(fitting.capped_size(QSize(*MINIMUM_SIZE), available))
        geometry = self._qsettings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            if not self.isMaximized() and not self.isFullScreen():
                self.setGeometry(fitting.shrink_onto(self.geometry(), available))
        else:
            self.setGeometry(fitting.first_launch_geometry(QSize(*PREFERRED_SIZE), available))
        state = self._qsettings.value("state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_preferences(self) -> None:
        self._qsettings.setValue("geometry", self.saveGeometry())
        self._qsettings.setValue("state", self.saveState())
        self._qsettings.setValue(STARTUP_TAB_KEY, self.tabs.currentIndex())
        scheme = (
            self.startup_colour_scheme if self._settings is None else self._settings.colour_scheme
        )
        self._qsettings.setValue(STARTUP_SCHEME_KEY, scheme)
        self._sync_window_ini()
        if self._scenario is None:
            return  # closed before loading finished: nothing in the settings file has changed
        self._profile_saver.timer.stop()
        self._write_settings()

    def _write_settings(self) -> None:
        """Write the settings file with the salary scenario as it is now."""
        from ptplanner.core.settings import save_settings

        self.scenario.store_in(self.settings)
        try:
            save_settings(self.settings)
        except OSError as error:
            log.warning("could not save settings: %s", error)

    def _sync_window_ini(self) -> None:
        """Write window.ini readable by its owner only, in a folder ptplanner makes ``0o700``.

        QSettings would make the folder and the file with the umask's modes (0755 and 0644).
        """
        from ptplanner.core.storage.atomic_io import make_private_dir

        ini = Path(self._qsettings.fileName())
        try:
            make_private_dir(ini.parent)
        except OSError as error:
            log.warning("could not make the settings folder %s: %s", ini.parent, error)
        self._qsettings.sync()
        # QSettings keeps an existing file's mode when it rewrites it, so after the first save
        # the file is never readable by others, not even for a moment.
        with contextlib.suppress(OSError):  # window.ini not written: closing goes on regardless
            ini.chmod(0o600)

    def closeEvent(self, event: QCloseEvent) -> None:
        controller = self.plan_controller
        if controller is not None and not controller.close_ok(self):
            event.ignore()
            return
        self.save_preferences()
        super().closeEvent(event)
