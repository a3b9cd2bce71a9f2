"""labkit: prepare, run live and restitute collective-intelligence Lab sessions."""

__version__ = "0.1.0"
