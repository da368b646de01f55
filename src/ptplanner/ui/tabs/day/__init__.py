"""The A day in the life tab: a coordinator's working day as an interactive timeline."""
