"""Qt painting of a projection report for paper, print preview and PDF."""
