"""Shared CLI helpers: messages in the chosen language, exit codes, the data folder option and the store."""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError, ValidationError

if TYPE_CHECKING:
    from qt_app.store.store import Store


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


def data_dir_option(p: argparse.ArgumentParser) -> None:
    """`--data-dir` on a command; SUPPRESS keeps one given before the command name."""
    p.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="data folder (default: $OFFER_DESK_DATA_DIR)"
    )


def say(args: argparse.Namespace, zh: str, en: str) -> None:
    """Print a result line in the language the command was given (`--lang`)."""
    print(en if args.lang == "en" else zh)


def writer(args: argparse.Namespace) -> Store:
    """The store, opened for a command that changes it (refused clearly when it can only be read)."""
    from qt_app.services.firms import open_store

    return open_store(args.data_dir, require_write=True)


def reader(args: argparse.Namespace) -> Store:
    """The store, opened to read (no automatic backup)."""
    from qt_app.services.firms import open_store

    return open_store(args.data_dir, auto_backup=False)
