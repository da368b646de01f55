"""Keeping the plan on disk without ever losing it.

- ``store``: :class:`~ptplanner.core.storage.store.PlanStore`, the plan file: load, recover,
  save, restore.
- ``backups``: the ``backups/`` folder: taking, naming, listing, pruning, reading.
- ``atomic_io``: atomic writes, private folders, where an output path really points.
- ``lock``: one writer at a time (``plan.lock``).
- ``disk_check``: is ``plan.json`` still the version the store last read or wrote.
- ``conflict_copies``: sync tools' conflict copies beside the plan: find, read, set aside.
- ``codec``: bytes of a plan file to a plan, whatever its version; the one size limit.
- ``safe_read``: reading a file that may be hostile: regular files only, non-blocking, capped.
- ``migrations``: upgrading older plan files one schema version at a time.
- ``import_export``: JSON and CSV import and export, with size, count and depth limits.
- ``saved_plan``: the saved plan read without a store, for ``ptplanner projection --from-plan``.
- ``errors``: what storage raises.
"""
