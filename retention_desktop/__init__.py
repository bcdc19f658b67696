"""Retention Desktop (留人): staff retention for small shops, offline on one PC."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("retention-desktop")
except PackageNotFoundError:  # running from a source tree or a bundle without metadata
    __version__ = "0.1.0"
