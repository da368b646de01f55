"""One package per tab of the main window; each tab is given the core objects it shows."""
