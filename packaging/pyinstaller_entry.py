"""Entry script for the PyInstaller bundle: the same ``main`` as the ``ptplanner`` command.

PyInstaller needs a plain script to start from; an installed console-script wrapper would not
do, because the bundle has no site-packages to find it in. With no arguments ``main`` opens the
window, so one executable serves both the desktop launcher and the command line.
"""

from ptplanner.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
