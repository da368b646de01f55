"""The `ptplanner` command line: the projection, plan and window commands.

Nothing here imports Qt at module level; the window and the PDF are imported when asked for.
"""
