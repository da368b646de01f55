"""The Plan tab: the milestone tree, its details panel, filter, timeline, undo and backups."""
