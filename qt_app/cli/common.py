"""Shared CLI helpers: messages in the chosen language, exit codes."""

from __future__ import annotations

import contextlib
import sys

from qt_app.domain.errors import DomainError, ValidationError


class CliExit(Exception):
    """Stop a command with this exit code (messages already printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def forgiving_output() -> None:
    """Characters the console cannot show come out as “?” instead of stopping the command with a
    traceback (a GBK console on Windows, output redirected to a file in another encoding)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a stream that cannot change now: leave it
                reconfigure(errors="replace")


def print_error(error: DomainError, lang: str = "zh") -> None:
    """One line per problem on stderr: file, field, why."""
    if isinstance(error, ValidationError):
        head = f"{error.source}: " if error.source else ""
        for line in error.lines(lang):
            print(f"{head}{line}", file=sys.stderr)
    else:
        print(error.message(lang), file=sys.stderr)
