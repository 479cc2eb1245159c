"""Marking the UI text in the domain's tables (action names, form options) for Qt's translator.

The domain imports no Qt. ``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; it only carries the name
``pyside6-lupdate`` looks for, so that ``scripts/update-translations`` extracts the text into the ``.ts`` files
under ``context``. The GUI translates at display time with ``QCoreApplication.translate(context, text)``; the CLI
and the printed documents keep the Chinese.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate recognises, hence not snake_case
    return text
