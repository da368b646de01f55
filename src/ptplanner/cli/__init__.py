"""The `ptplanner` command line: the projection, plan and window commands.

Nothing here imports Qt at module level; the window and the PDF are imported when asked for.
"""

import os

# ptplanner uses no pydantic plugins. Left enabled, pydantic would scan every installed
# package's metadata for them on the first model it builds (a noticeable part of a projection's
# run time) and would let any plugin in the environment see the user's plan as it is validated.
# Set here, before any command module can import pydantic.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
