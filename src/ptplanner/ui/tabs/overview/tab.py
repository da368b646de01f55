"""The "Overview" tab: what a PT care coordinator does, needs, earns up the ladder, and the outlook.

Everything shown is the knowledge base's own text (``resources/content/overview.json``), BLS May
2025 wages for PT offices (NAICS 621340) and O*NET ratings. The Pay section sets BLS's figures
beside the ones the guide quotes (:mod:`ptplanner.core.pay_sources`), saying which agree. Every
figure has a small grey footnote naming its source and date; the footnote's tooltip gives the
source's full title and licence. A search box filters the whole tab through
:func:`ptplanner.core.content.search_overview`.

This module lays out the tab (search box, section list, reading column) and keeps the section
list and the scroll position in step. Only the first section is laid out for the tab's first
paint; the others wait in a hidden holder and are shown on the next turn of the event loop
(wrapping every card's text before the first paint would delay it several times over). Each
section is built in its own module under :mod:`ptplanner.ui.tabs.overview.sections`; what
search hides is worked out in :mod:`ptplanner.ui.tabs.overview.search`. Shared formats and
widgets (citation lines, :class:`MutedLabel`, cards) live in :mod:`ptplanner.ui.widgets`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.content import Overview
from ptplanner.core.onet import OnetData, OnetOccupation
from ptplanner.ui.accessibility import announce, plain_descriptions
from ptplanner.ui.tabs.overview.card_grid import GAP, MAX_CARD_WIDTH, MAX_COLUMNS
from ptplanner.ui.tabs.overview.glossary_links import add_glossary_links
from ptplanner.ui.tabs.overview.highlight import Highlighter
from ptplanner.ui.tabs.overview.search import (
    SearchEdit,
    Section,
    entry_widget,
    filter_sections,
    visible_item_ids,
)
from ptplanner.ui.tabs.overview.sections.builder import SECTION_TITLES as TITLES_BY_KEY
from ptplanner.ui.tabs.overview.sections.builder import SectionBuilder
from ptplanner.ui.tabs.overview.sections.duties_skills import add_duties, add_skills
from ptplanner.ui.widgets import MutedLabel, make_label, tint_muted

if TYPE_CHECKING:
    from ptplanner.ui.tabs.overview.ladder_chart import LadderPayChart

READING_WIDTH = MAX_COLUMNS * MAX_CARD_WIDTH + GAP
"""Widest the reading column grows (px): two cards side by side, each at its widest."""
ANNOUNCE_PAUSE_MS = 700
"""How long typing in the search box pauses before the number of matches is announced."""
FIRST_SCREEN_SECTIONS = 1
"""Sections built for the first paint: the first fills a screen at the usual sizes."""
SECTION_TITLES = tuple(TITLES_BY_KEY.values())
"""The section list, there from the start (the sections after the first are built later)."""


class OverviewTab(QWidget):
    """Role overview: duties, skills, certifications, EMRs, employers, pay, ladder, related
    jobs and outlook."""

    def __init__(self, overview: Overview, onet: OnetData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = overview
        self.onet = onet
        occupation = self._find_occupation(overview.onet_top_skills.soc_code)
        self._moving = False  # True while the tab itself scrolls or moves the nav selection
        self._pending_section: Section | None = None
        self._highlighter = Highlighter()

        self.setObjectName("overviewTab")
        self._build_frame()
        self._builder = SectionBuilder(self._column, self._nav, self.fontMetrics())
        self._sections = self._builder.sections  # filled in as the sections below are added
        self._builder.reserve_nav(SECTION_TITLES)
        self.ladder_chart: LadderPayChart | None = None
        add_duties(self._builder, overview, onet, occupation)
        self._held_back = self._hold_back_rest(self._builder)
        self._rest_built = False
        self._column.addStretch(1)
        self._finish_widgets(self._content)
        # Wide enough for the longest title plus item padding and a scroll bar, never eliding.
        widest = max(self._nav.fontMetrics().horizontalAdvance(t) for t in SECTION_TITLES)
        scroll_bar = self._nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._nav.setFixedWidth(widest + 2 * self._nav.frameWidth() + 32 + scroll_bar)
        self._nav.setCurrentRow(0)

    def _finish_widgets(self, root: QWidget) -> None:
        add_glossary_links(root, self)
        tint_muted(self)
        # The footnotes' rich source tooltips would otherwise be read out as raw HTML.
        plain_descriptions(root)

    def _build_rest(self) -> None:
        """The sections after the first screen's, into the held-back holder (once)."""
        if self._rest_built:
            return
        self._rest_built = True
        # Imported here: the pay and ladder sections bring in the projection engine.
        from ptplanner.ui.tabs.overview.sections.career_ladder import add_career_ladder
        from ptplanner.ui.tabs.overview.sections.certifications import add_certifications
        from ptplanner.ui.tabs.overview.sections.emr_employers import (
            add_employers,
            add_emr_systems,
        )
        from ptplanner.ui.tabs.overview.sections.outlook import add_outlook
        from ptplanner.ui.tabs.overview.sections.pay import add_pay
        from ptplanner.ui.tabs.overview.sections.related_jobs import add_related_jobs

        builder, overview = self._builder, self.overview
        occupation = self._find_occupation(overview.onet_top_skills.soc_code)
        add_skills(builder, overview, self.onet, occupation)
        add_certifications(builder, overview)
        add_emr_systems(builder, overview)
        add_employers(builder, overview)
        add_pay(builder)
        self.ladder_chart = add_career_ladder(builder, overview)
        add_related_jobs(builder, overview)
        add_outlook(builder, overview)
        self._finish_widgets(self._held_back)

    # ----------------------------------------------------------------- first screen first

    def _hold_back_rest(self, builder: SectionBuilder) -> QWidget:
        """A hidden holder in the column for the sections after the first screen's."""
        assert len(self._sections) == FIRST_SCREEN_SECTIONS
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self._column.spacing())
        self._column.addWidget(holder)
        holder.hide()
        builder.column = layout
        # Show the rest just after the reading pane's first paint.
        self._content.installEventFilter(self)
        return holder

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._content:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.show_all_sections)
        return False

    @property
    def all_sections_shown(self) -> bool:
        """False only between the tab's first paint and the next turn of the event loop."""
        return not self._held_back.isHidden()

    def show_all_sections(self) -> None:
        """Lay out the sections held back from the first paint (once; any search or lookup
        does it first)."""
        self._build_rest()
        if not self.all_sections_shown:
            self._held_back.show()

    # ----------------------------------------------------------------- test and window hooks

    def visible_item_ids(self) -> dict[str, list[str]]:
        """What the reader can see, by section key, in display order.

        The keys of :data:`~ptplanner.core.content.OVERVIEW_SECTIONS` hold overview item ids
        (comparable with :func:`search_overview`); ``"onet_skills"`` holds the O*NET element ids
        of the top-skills rows and ``"notes"`` the ids of section notes
        (``certification_pay_effect``, ``outlook_summary``).
        """
        self.show_all_sections()
        return visible_item_ids(self._sections, self)

    def item_widget(self, section: str, item_id: str) -> QWidget:
        """The card (or row) showing one item, as listed by :meth:`visible_item_ids`."""
        self.show_all_sections()
        return entry_widget(self._sections, section, item_id)

    def scroll_to_section(self, key: str) -> None:
        """Bring a section's heading to the top of the reading pane (as clicking the list does)."""
        self.show_all_sections()
        for row, section in enumerate(self._sections):
            if section.key == key:
                self._nav.setCurrentRow(row)
                self._scroll_to(section)
                return
        raise KeyError(key)

    # ----------------------------------------------------------------- frame

    def _build_frame(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 0)
        outer.setSpacing(10)

        top = QHBoxLayout()
        top.setSpacing(12)
        self.search_edit = SearchEdit()
        self.search_edit.setPlaceholderText("Search the overview…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search the overview")
        self.search_edit.setAccessibleDescription(
            "Shows only the duties, skills, certifications and other items that contain every "
            "word typed. Press Escape to clear."
        )
        self.search_edit.setMaximumWidth(420)
        self.search_edit.setMinimumWidth(240)
        self.search_edit.textChanged.connect(self._apply_filter)
        # One announcement of the result once typing pauses, not one per key.
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(ANNOUNCE_PAUSE_MS)
        self._announce_timer.timeout.connect(self._announce_result)
        top.addWidget(self.search_edit, 1)
        self._status = MutedLabel("", small=False)
        self._status.setWordWrap(False)
        top.addWidget(self._status)
        top.addStretch(1)
        outer.addLayout(top)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)

        body = QHBoxLayout()
        body.setSpacing(12)
        self._nav = QListWidget()
        self._nav.setAccessibleName("Overview sections")
        self._nav.setAccessibleDescription("Choose a section to scroll the overview to it.")
        self._nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._nav.setSpacing(2)
        self._nav.currentRowChanged.connect(self._on_nav_row)
        # A click on the row that is already current still scrolls back to that section.
        self._nav.itemClicked.connect(lambda item: self._on_nav_row(self._nav.row(item)))
        body.addWidget(self._nav, 0, Qt.AlignmentFlag.AlignTop)
        self._nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        body.setAlignment(self._nav, Qt.AlignmentFlag.AlignLeft)

        self._scroll = QScrollArea()
        self._scroll.setAccessibleName("Overview content")
        # Only a container: Tab goes on to the cards inside, which scroll into view and show
        # their focus (a stop on the area itself showed none).
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("overviewContent")
        self._content = content
        row = QHBoxLayout(content)
        row.setContentsMargins(4, 0, 16, 24)
        column_widget = QWidget()
        column_widget.setMaximumWidth(READING_WIDTH)
        self._column = QVBoxLayout(column_widget)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(28)
        row.addWidget(column_widget, 1)
        row.addStretch(0)
        self._scroll.setWidget(content)
        self._scroll.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        body.addWidget(self._scroll, 1)
        outer.addLayout(body, 1)

        self._no_matches = make_label("", "subheading")
        self._no_matches.setObjectName("noMatches")
        self._no_matches_hint = MutedLabel(
            "Every word must appear in an item. Try fewer or shorter words, or press Esc to "
            "clear the search.",
            small=False,
        )
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(0, 24, 0, 0)
        empty_layout.addWidget(self._no_matches)
        empty_layout.addWidget(self._no_matches_hint)
        self._empty_state = empty
        self._column.addWidget(empty)
        empty.hide()

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _find_occupation(self, soc_code: str) -> OnetOccupation | None:
        try:
            return self.onet.occupation(soc_code)
        except KeyError:
            return None

    # ----------------------------------------------------------------- behaviour

    def _apply_filter(self) -> None:
        self.show_all_sections()
        query = self.search_edit.text()
        words = query.casefold().split()
        shown = filter_sections(self._sections, query)
        self._mark_matches()

        self._no_matches.setText(f"No matches for “{query.strip()}”")
        self._empty_state.setVisible(shown == 0)
        if words and shown:
            self._status.setText(f"{shown} matching item" + ("" if shown == 1 else "s"))
        elif words:
            self._status.setText("No matches")
        else:
            self._status.setText("")
        self._announce_timer.start()
        self._moving = True
        try:
            self._scroll.verticalScrollBar().setValue(0)
            first = next((s for s in self._sections if not s.nav_item.isHidden()), None)
            if first is None:
                self._nav.setCurrentRow(-1)
            else:
                self._nav.setCurrentItem(first.nav_item)
        finally:
            self._moving = False

    def _mark_matches(self) -> None:
        shown = [s.widget for s in self._sections if not s.widget.isHidden()]
        self._highlighter.mark(shown, self.search_edit.text(), self.palette())

    def _announce_result(self) -> None:
        query = self.search_edit.text().strip()
        announce(self.search_edit, self._status.text() if query else "Search cleared; all shown")

    def _section_top(self, section: Section) -> int:
        return section.widget.mapTo(self._content, QPoint(0, 0)).y()

    def _scroll_to(self, section: Section) -> None:
        if not self.isVisible():
            # Positions are only known once laid out; scroll when the tab is first shown.
            self._pending_section = section
            return
        # Run pending layout requests first, or a call right after showing or filtering would
        # scroll by the old (or not yet computed) positions.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._moving = True
        try:
            self._scroll.verticalScrollBar().setValue(max(0, self._section_top(section) - 4))
        finally:
            self._moving = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_section is not None:
            # After this event: the first layout passes (word wrap, scroll area) run only then.
            QTimer.singleShot(0, self._scroll_to_pending)

    def _scroll_to_pending(self) -> None:
        if self._pending_section is not None:
            section, self._pending_section = self._pending_section, None
            self._scroll_to(section)

    def _on_nav_row(self, row: int) -> None:
        if row >= FIRST_SCREEN_SECTIONS:
            self.show_all_sections()
        if self._moving or not 0 <= row < len(self._sections):
            return
        self._scroll_to(self._sections[row])

    def _on_scrolled(self, value: int) -> None:
        # Keep the list's selection on the section being read, as documentation viewers do.
        if self._moving:
            return
        visible = [s for s in self._sections if not s.widget.isHidden()]
        if not visible:
            return
        bar = self._scroll.verticalScrollBar()
        if value >= bar.maximum() > 0:
            current = visible[-1]
        else:
            current = visible[0]
            for section in visible:
                if self._section_top(section) <= value + 24:
                    current = section
        self._moving = True
        try:
            self._nav.setCurrentItem(current.nav_item)
        finally:
            self._moving = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc from anywhere in the tab (the section list, the reading pane) ends the search too.
        if event.key() == Qt.Key.Key_Escape and self.search_edit.text():
            self.search_edit.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            tint_muted(self)
            self._mark_matches()  # the mark's colours follow the scheme
