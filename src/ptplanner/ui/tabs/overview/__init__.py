"""The Overview tab: the role, searchable, every figure with its source."""
