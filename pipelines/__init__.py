"""claimwire: news text to a queryable record of who claimed what, where."""

__version__ = "0.1.0"
