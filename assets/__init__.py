"""Dagster assets and asset checks of claimwire: thin wrappers over `pipelines`' core."""
