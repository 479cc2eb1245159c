"""govdesk: a desktop workbench for township comprehensive governance centers and people's mediation."""

from importlib.metadata import PackageNotFoundError, version


def _version() -> str:
    """The version written once, in pyproject.toml: from the installed distribution's metadata (a wheel, an
    editable install, or the PyInstaller build, which carries a copy of the metadata: installer/govdesk.spec),
    else from pyproject.toml itself when running from a source tree that was never installed."""
    try:
        return version("govdesk")
    except PackageNotFoundError:
        pass
    import tomllib
    from pathlib import Path

    try:
        with (Path(__file__).resolve().parents[2] / "pyproject.toml").open("rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0.0.0+unknown"


__version__ = _version()
