"""The `kg` command line: a thin layer over the library.

Each subcommand lives in its own module under :mod:`kg.commands` and exposes
``register(subparsers)``, which adds its parser and sets ``run=callable(args) -> int``.
Errors of the :class:`kg.errors.KgError` family become one line on stderr (with the fix in the
command line's words, :meth:`kg.errors.KgError.for_cli`) and exit 2; a
reader that closes the pipe early (``| head``) ends the command quietly with 141.  SIGTERM stops a
command as Ctrl-C does (exit 143, where Ctrl-C exits 130), so the same cleanup runs first.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import pkgutil
import signal
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from . import commands
from .errors import InputWarning, KgError

__all__ = ["main", "build_parser", "command_names"]


def command_names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="paper-kg: build a knowledge graph of datasets, models, methods, tasks and metrics "
        "from ML paper titles and abstracts, then query it with Cypher or browse it as HTML.",
        epilog="Start with `kg build` (bundled corpus) and `kg query --list`. `kg COMMAND --help` explains each command. "
        "The curated name patterns are cached in ~/.cache/paper-kg (set KG_CACHE_DIR to move it, or to 'off').",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_names():
        importlib.import_module(f"{commands.__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # the reader stopped early (`kg query ... | head`, `kg query --help | head -1`): stop quietly,
        # as tools killed by SIGPIPE do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush cannot fail again
        return 141


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    if argv and not argv[0].startswith("-") and argv[0] not in command_names():
        meant = difflib.get_close_matches(argv[0], command_names(), n=1)
        parser.error(f"no command {argv[0]!r}" + (f" (did you mean {meant[0]}?)" if meant else "")
                     + f"; the commands are {', '.join(command_names())}")
    args, extra = parser.parse_known_args(argv)
    if extra:
        # what argparse would say, with the option meant ("--parm": --param); a command that knows
        # how to write them says so (kg query name=x)
        options = _options(parser, args.command)
        meant = [close[0] for text in extra if text.startswith("--")
                 and (close := difflib.get_close_matches(text.split("=")[0], options, n=1))]
        if meant:
            parser.error(f"unrecognized arguments: {' '.join(extra)} (did you mean {', '.join(meant)}?)")
        if getattr(args, "unrecognized", None):
            args.unrecognized(args, extra, argv)  # exits
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        with _terminate_as_interrupt(), warnings.catch_warnings():
            # the commands list the records they leave out (kg build, kg extract) in their own words
            warnings.simplefilter("ignore", InputWarning)
            return int(args.run(args) or 0)
    except KgError as err:
        print(f"kg {args.command}: error: {err.for_cli()}", file=sys.stderr)
        return 2
    except Terminated:
        print(f"kg {args.command}: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a scheduler's stop) in the command's process."""


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` where Ctrl-C raises KeyboardInterrupt: by default it ends the
    process at once, before the cleanup that Ctrl-C gets (a ``kg extract`` left its temporary output,
    an export its half-written CSV files).  A forked worker still stops at once: its parent cleans up."""
    command = os.getpid()

    def stop(signum, frame):
        if os.getpid() != command:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (main() called from another one): SIGTERM stays as it is
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _options(parser: argparse.ArgumentParser, command: str | None) -> list[str]:
    """The long options of ``command`` (or of ``kg`` itself)."""
    sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    target = sub.choices.get(command, parser) if sub and command else parser
    return [o for action in target._actions for o in action.option_strings if o.startswith("--")]


if __name__ == "__main__":
    sys.exit(main())
