"""Imitation Lens: compare a base model, its imitator and the teacher side by side."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("imitation-lens")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "Imitation Lens"
