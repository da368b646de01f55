"""The Qt window: everything here may import PySide6; nothing in ptplanner.core may import this."""
