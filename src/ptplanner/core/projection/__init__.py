"""Pay over the years: the request (:mod:`.request`), planned events (:mod:`.events`), the
career walked year by year (:mod:`.career`) and ``project()`` (:mod:`.project`), the one function
behind the Salary tab, the printout and ``ptplanner projection``."""

from ptplanner.core.projection.events import Event, EventKind, apply_event
from ptplanner.core.projection.project import Projection, YearRow, project
from ptplanner.core.projection.request import Dollars, ProjectionRequest

__all__ = [
    "Dollars",
    "Event",
    "EventKind",
    "Projection",
    "ProjectionRequest",
    "YearRow",
    "apply_event",
    "project",
]
