"""csm-check: readiness checker for customer service managers."""

__version__ = "0.1.0"
