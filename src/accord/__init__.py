"""Accord: follow multi-party negotiations from the news and model the bargaining."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
