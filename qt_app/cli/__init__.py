"""Headless commands (`python -m qt_app COMMAND`) over the same services the window uses.

Each module in COMMAND_MODULES exposes `register(subparsers)`; handlers return an exit code:
0 success, 2 bad input (one clear line per problem, no traceback), 1 anything else.
With no command, the desktop app starts.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

from qt_app import __version__
from qt_app.cli.common import CliExit, forgiving_output, print_error
from qt_app.domain.errors import DomainError

if TYPE_CHECKING:
    import argparse

COMMAND_MODULES = (
    "qt_app.cli.policy_cmds",
    "qt_app.cli.firm_cmds",
    "qt_app.cli.bundle_cmds",
    "qt_app.cli.letter_cmds",
    "qt_app.cli.ledger_cmds",
)


def _top_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m qt_app", description="招商政策测算台 Offer Desk")
    parser.add_argument("--version", action="version", version=f"Offer Desk {__version__}")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="message language (default zh)")
    parser.add_argument(
        "--data-dir", default=None, help="data folder (default: $OFFER_DESK_DATA_DIR or the user's)"
    )
    parser.add_argument("--selftest", action="store_true", help="run the built-in self-test and exit")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name == name:  # that command group is not part of this build
                continue
            raise
        module.register(sub)
    return parser


_VALUE_OPTIONS = ("--lang", "--data-dir")  # the top-level options followed by a value


def _names_a_command(argv: list[str]) -> bool:
    """True when argv names a command (or asks for help, which lists them), so the full parser is needed."""
    value_follows = False
    for arg in argv:
        if value_follows:
            value_follows = False
        elif arg in _VALUE_OPTIONS:
            value_follows = True
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return True
    return False


def _window_start(argv: list[str]) -> tuple[str, str | None, bool] | None:
    """(lang, data folder, self-test) when argv only starts the window; None for anything else.

    The window's few options are read by hand: argparse and its gettext lookups cost ~8 ms of start-up.
    Anything unusual (a command, --help, a bad value, an abbreviation) goes to argparse as before.
    """
    lang, data_dir, selftest = "zh", None, False
    args = iter(argv)
    for arg in args:
        name, has_value, value = arg.partition("=")
        if arg == "--selftest":
            selftest = True
        elif name in _VALUE_OPTIONS:
            given = value if has_value else next(args, None)
            if given is None or (name == "--lang" and given not in ("zh", "en")):
                return None
            lang, data_dir = (given, data_dir) if name == "--lang" else (lang, given)
        else:
            return None
    return lang, data_dir, selftest


def _start(lang: str, data_dir: str | None, selftest: bool) -> int:
    if selftest:
        from qt_app.selftest import run_selftest

        code = int(run_selftest())
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        # The line is written and the throw-away folder removed: skip tearing down Qt and pypinyin's tables
        # (~0.3 s of the self-test's time).
        os._exit(code)
    import gc

    # Start-up builds some 100,000 objects (modules, Qt wrappers, enums) and no garbage worth a cyclic
    # collection, yet sets off dozens of them (~6 ms). The window turns the collector back on once it has
    # painted and warmed up (qt_app.app.start).
    gc.disable()
    from qt_app.app import run_app

    return int(run_app(lang=lang, data_dir=data_dir))


def main(argv: list[str]) -> int:
    window = _window_start(argv)
    if window is not None:
        return _start(*window)
    # No command named: the top-level options only, without importing every command group.
    parser = build_parser() if _names_a_command(argv) else None
    args = (parser or _top_parser()).parse_args(argv)
    if args.selftest or not getattr(args, "command", None):
        return _start(args.lang, args.data_dir, args.selftest)
    if parser is None or not getattr(args, "handler", None):
        build_parser().print_help()
        return 2
    forgiving_output()
    try:
        return int(args.handler(args))
    except CliExit as e:
        return e.code
    except DomainError as e:
        print_error(e, args.lang)
        return 2
    except KeyboardInterrupt:
        print("已取消 / cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error. Point stdout at devnull so the final flush is quiet.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
