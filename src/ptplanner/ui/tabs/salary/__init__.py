"""The Salary tab: profile inputs, headline figures, the projection graph and tables."""

import os

# Before any module here imports pyqtgraph, so a stray PyQt in the environment is never picked.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
