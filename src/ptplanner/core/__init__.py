"""The Qt-free core: knowledge base, salary engine, projection, plan model and storage.

Nothing under this package may import PySide6, pyqtgraph or ``ptplanner.ui``; an import-linter
contract in ``pyproject.toml`` and a test run without Qt hold that line.
"""
