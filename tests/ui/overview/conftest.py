"""The Overview tab's tests share one fixture: the tab as a person first sees it at 1024x700."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from fit_checks import ShowWidget
    from pytestqt.qtbot import QtBot

    from ptplanner.ui.tabs.overview.tab import OverviewTab


@pytest.fixture
def tab(show_widget: ShowWidget, qtbot: QtBot) -> OverviewTab:
    from ptplanner.core.content import overview
    from ptplanner.core.onet import onet
    from ptplanner.ui.tabs.overview.tab import OverviewTab

    tab = show_widget(OverviewTab(overview(), onet()), (1024, 700), settle=True)
    # The sections after the first are shown just after the first paint, before a person reads.
    qtbot.waitUntil(lambda: tab.all_sections_shown, timeout=5000)
    return tab
