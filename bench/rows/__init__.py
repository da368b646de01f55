"""The benchmark rows, one module per group; each exposes ``bench(ws, args) -> list[Row]``."""
