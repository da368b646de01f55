"""Where the plan lives on disk: atomic writes, the lock, migrations, backups, import and export."""
