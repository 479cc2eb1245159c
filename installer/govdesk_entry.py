"""Entry point of the frozen build (PyInstaller): the same ``govdesk`` command as the wheel's console script.

With no command it starts the desktop program; ``govdesk demo``, ``govdesk --version``… work as documented in
README.md. On Windows the same script is frozen twice: ``govdesk.exe`` without a console (shortcuts) and
``govdesk-cli.exe`` with one (county scripts).
"""

import sys

from govdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
