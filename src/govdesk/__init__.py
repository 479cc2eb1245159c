"""govdesk: a desktop workbench for township comprehensive governance centers and people's mediation."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("govdesk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
