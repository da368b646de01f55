"""The Overview tab's tests share one fixture: the tab as a person first sees it at 1024x700."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from fit_checks import ShowWidget

    from ptplanner.ui.tabs.overview.tab import OverviewTab


@pytest.fixture
def tab(show_widget: ShowWidget) -> OverviewTab:
    from ptplanner.core.content import overview
    from ptplanner.core.onet import onet
    from ptplanner.ui.tabs.overview.tab import OverviewTab

    return show_widget(OverviewTab(overview(), onet()), (1024, 700), settle=True)
