"""The Overview tab's sections, one module per group of cards, and the builder they add to."""
