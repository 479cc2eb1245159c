"""The desktop GUI (the only package that imports PySide6 and qtawesome).

Importing it applies one work-around, below, before any Qt code runs.
"""

from __future__ import annotations

import ctypes
import sys


def _pin_interpreter_singletons() -> None:
    """Make None, True and False effectively immortal on CPython < 3.12.

    PySide6 6.12.0 drops a reference it does not own on some conversions: every ``Signal.emit()`` made
    from Python takes one reference off ``True``, and every invalid QVariant returned as ``None``
    (``QComboBox.currentData()`` on an item without data, ``QObject.property()`` of an unset property)
    takes one off ``None``. ``True`` starts with a few hundred references, so after a few hundred signals
    the interpreter aborts with "bool_dealloc: deallocating True or False". 6.11.3 does not do this, and
    CPython 3.12 made these objects immortal (PEP 683), which hides the bug. Adding 2**40 references does
    the same here; the objects are static and never freed, so nothing else changes.
    pyproject.toml excludes 6.12.0; this stays for a machine that has it installed anyway.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        if version("PySide6-Essentials") != "6.12.0":
            return  # pyproject excludes 6.12.0; this guards a machine that has it anyway
    except PackageNotFoundError:
        pass
    for obj in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(obj))
        if refcount.value < 1 << 39:  # once per process, however often this module is reloaded
            refcount.value += 1 << 40


_pin_interpreter_singletons()
