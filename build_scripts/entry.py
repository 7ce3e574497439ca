"""PyInstaller entry point: the same `main` as `python -m qt_app`."""

import sys

from qt_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
