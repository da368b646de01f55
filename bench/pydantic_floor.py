"""The least a program that validates with pydantic can cost: one model, one validation.

A context baseline for ``ptplanner projection``: since pydantic 2.x, ``import pydantic`` loads
almost nothing (``BaseModel`` and the validator machinery load on first use), so a CLI that
validates its inputs and data files starts from this script's cost, not from the import's.
Plugins are disabled as ``ptplanner`` disables them, so both skip the same metadata scan.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import BaseModel, Field


class Row(BaseModel):
    year: int = Field(ge=2000)
    pay: float


if __name__ == "__main__":
    print(Row.model_validate({"year": 2026, "pay": 45930.0}))
