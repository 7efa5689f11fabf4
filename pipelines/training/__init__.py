"""Offline training of the models shipped in `pipelines/models` (needs the `train` extra)."""
