"""Retention Desktop (留人): staff retention for small shops, offline on one PC."""

# The one place the version is written: pyproject.toml and build.spec read it from here
# (reading installed metadata instead would cost every start an importlib.metadata import).
__version__ = "0.1.0"
