"""``python -m ptplanner``: the same entry point as the ``ptplanner`` command."""

from ptplanner.cli.main import main

raise SystemExit(main())
