"""The ``karabakh-tolls`` command line.

``karabakh-tolls`` (or ``karabakh-tolls reconcile [FILE]``) reconciles the bundled seed claims,
or a claims file, and prints the ranges as a table a person reads (``--format table``, the
default) or writes them as CSV, JSON or Parquet (``--format``, ``-o``). ``karabakh-tolls
extract ARTICLE [ARTICLE ...]`` writes the candidate claims of one or many articles as one CSV,
with a progress bar over the files on a terminal.

The table and the progress bars need the ``cli`` extra (``pip install 'karabakh_tolls[cli]'``,
which brings ``rich``); the machine formats work without it.

Exit codes
----------
0
    Success (a conflict between claims is a result, not a failure).
1
    An unexpected error: a bug in karabakh_tolls (``--debug`` shows the traceback).
2
    The command line is wrong (an unknown option, a missing argument).
3
    The input is wrong: a file that cannot be read, a claim table that does not validate.
4
    An optional extra is missing; the message names it.
130
    Interrupted (Ctrl-C).
141
    The reader of the output went away (``karabakh-tolls | head``): nothing more is written.

This module imports argparse, pandas and the package's public functions; the terminal
rendering (``rich``) is imported only when a table or a progress bar is shown.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import traceback
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import IO, Final, TextIO

import pandas as pd

from karabakh_tolls.claims import as_date
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import KarabakhTollsError
from karabakh_tolls.extract import extract_debug, review
from karabakh_tolls.io import load_seed_claims, read_claims
from karabakh_tolls.policies import ALL_SOURCES, INDEPENDENT_ONLY
from karabakh_tolls.report import Progress, Row, no_progress, report_rows
from karabakh_tolls.wars import War, default_war, load_war

__all__ = ["EXIT_CODES", "build_parser", "extract_articles", "main"]

EXIT_OK: Final = 0
EXIT_BUG: Final = 1
EXIT_USAGE: Final = 2
EXIT_INPUT: Final = 3
EXIT_EXTRA: Final = 4
EXIT_INTERRUPTED: Final = 130
EXIT_PIPE: Final = 141

EXIT_CODES: Final = {
    EXIT_OK: "success (conflicts between claims are results, not failures)",
    EXIT_BUG: "unexpected error, a bug in karabakh_tolls (--debug shows the traceback)",
    EXIT_USAGE: "wrong command line",
    EXIT_INPUT: "wrong input: a file that cannot be read, a table that does not validate",
    EXIT_EXTRA: "an optional extra is missing (the message names it)",
    EXIT_INTERRUPTED: "interrupted",
    EXIT_PIPE: "the reader of the output went away (e.g. | head)",
}
"""Every exit code of the command and its meaning."""

FORMATS: Final = ("table", "csv", "json", "parquet")
_SUFFIXES: Final = {".csv": "csv", ".json": "json", ".parquet": "parquet", ".txt": "table"}
_POLICIES: Final = {"all": ALL_SOURCES, "independent": INDEPENDENT_ONLY}
_PROG: Final = "karabakh-tolls"


class MissingExtraError(KarabakhTollsError, ImportError):
    """An optional extra the command needs is not installed."""


class UsageError(KarabakhTollsError, ValueError):
    """The options given cannot work together."""


def version() -> str:
    """The installed version of karabakh_tolls."""
    try:
        return metadata.version("karabakh_tolls")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def _terminal() -> ModuleType:
    """The rich renderer (the ``cli`` extra), or a :class:`MissingExtraError` naming it."""
    try:
        from karabakh_tolls import terminal
    except ImportError as error:
        raise MissingExtraError(
            "the table view and progress bars need the 'cli' extra: "
            "pip install 'karabakh_tolls[cli]' (or use --format csv, json or parquet)"
        ) from error
    return terminal


# ---------------------------------------------------------------------------------------------
# Commands


def _format_of(args: argparse.Namespace) -> str:
    if args.format is not None:
        return str(args.format)
    if args.output:
        return _SUFFIXES.get(Path(args.output).suffix.lower(), "table")
    return "table"


@dataclass
class _Context:
    args: argparse.Namespace
    stdout: TextIO
    stderr: TextIO

    @property
    def colour(self) -> bool:
        return not self.args.plain and _isatty(self.stdout) and "NO_COLOR" not in os.environ

    @property
    def show_progress(self) -> bool:
        return not self.args.quiet and _isatty(self.stderr)

    def progress(self) -> AbstractContextManager[Progress]:
        if not self.show_progress:
            return nullcontext(no_progress)
        return _terminal().progress(self.stderr, colour=not self.args.plain)  # type: ignore[no-any-return]

    def note(self, text: str) -> None:
        if not self.args.quiet:
            print(text, file=self.stderr)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _width(ctx: _Context) -> int | None:
    if ctx.args.width:
        return int(ctx.args.width)
    if _isatty(ctx.stdout):
        return None  # the terminal's own
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() else 100


def _load(ctx: _Context, progress: Progress) -> tuple[ClaimSet, str]:
    path = ctx.args.claims
    if path is None:
        return load_seed_claims(), "bundled seed articles"
    advance = progress(f"Reading {path}", None)
    try:
        claims = read_claims(path, wars=[_war_of(w) for w in ctx.args.war or ()] or None)
    except OSError as error:
        raise _InputError(f"cannot read {path!r}: {error.strerror or error}") from error
    advance(1)
    return claims, Path(path).name


class _InputError(KarabakhTollsError, OSError):
    """A file the command was given cannot be read."""


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _war_of(value: str) -> War:
    """The war an option names: a bundled war id, or a war file (``.toml``) to read."""
    if value.lower().endswith(".toml") or os.sep in value or Path(value).is_file():
        return War.from_toml(value)
    return load_war(value)


def _write_frame(frame: pd.DataFrame, fmt: str, ctx: _Context) -> None:
    target = ctx.args.output
    if fmt == "parquet":
        if target is None:
            if _isatty(ctx.stdout):
                raise UsageError("Parquet is binary: give -o FILE.parquet")
            buffer = io.BytesIO()
            frame.to_parquet(buffer, index=False)
            binary: IO[bytes] = getattr(ctx.stdout, "buffer", None) or io.BytesIO()
            binary.write(buffer.getvalue())
            binary.flush()
            return
        frame.to_parquet(target, index=False)
    elif fmt == "csv":
        text = frame.to_csv(index=False, date_format="%Y-%m-%d")
        _write_text(text, target, ctx)
    else:
        plain = frame.assign(as_of=frame["as_of"].dt.strftime("%Y-%m-%d"))
        text = plain.to_json(orient="records", indent=1, force_ascii=False)
        _write_text((text or "[]") + "\n", target, ctx)
    if target is not None:
        ctx.note(f"{len(frame)} row(s) written to {target}")


def _write_text(text: str, target: str | None, ctx: _Context) -> None:
    if target is None:
        ctx.stdout.write(text)
        ctx.stdout.flush()
    else:
        Path(target).write_text(text, encoding="utf-8")


def _rows_frame(rows: Sequence[Row]) -> pd.DataFrame:
    frame = pd.DataFrame([row.record() for row in rows])
    if frame.empty:
        return pd.DataFrame(columns=list(Row.__annotations__))
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    for column in ("low", "high"):
        frame[column] = pd.array([None if pd.isna(v) else int(v) for v in frame[column]], "Int64")
    return frame


def _cmd_reconcile(ctx: _Context) -> int:
    fmt = _format_of(ctx.args)
    policy = _POLICIES[ctx.args.policy]
    if fmt == "table":
        terminal = _terminal()
    with ctx.progress() as progress:
        claims, origin = _load(ctx, progress)
        rows = report_rows(
            claims,
            policy=None if ctx.args.policy == "all" else policy,
            full=ctx.args.all,
            progress=progress,
        )
    if fmt != "table":
        _write_frame(_rows_frame(rows), fmt, ctx)
        return EXIT_OK
    n_sources = len(claims.sources())
    wars = claims.wars
    about = wars[0].name if len(wars) == 1 else f"{len(wars)} wars"
    counted = f"{_plural(len(claims), 'claim')}, {_plural(n_sources, 'source')}"
    heading = f"{counted} ({origin}), {about}; {policy.name}"
    if ctx.args.output:
        with open(ctx.args.output, "w", encoding="utf-8") as handle:
            terminal.report(rows, heading, handle, colour=False, width=ctx.args.width or 120)
        ctx.note(f"{len(rows)} row(s) written to {ctx.args.output}")
    else:
        terminal.report(rows, heading, ctx.stdout, colour=ctx.colour, width=_width(ctx))
    return EXIT_OK


def _document_of(path: Path) -> str:
    return path.name.split("_", 1)[0].removesuffix(".txt")


def extract_articles(
    paths: Sequence[str | os.PathLike[str]],
    *,
    published: str,
    outlet: str | None = None,
    document: str | None = None,
    war: War | str | None = None,
    progress: Progress = no_progress,
) -> ClaimSet:
    """The candidate claims of every article of ``paths``, as one claim set.

    Each file's document id is its name before the first ``_`` (``003_ebbc.txt`` -> ``003``),
    or ``document`` when one file is given. ``progress(description, total)`` is told of the
    files as they are read (the command line draws it as a bar). ``war`` is the war the
    articles report on (a :class:`~karabakh_tolls.War` or a bundled id; default the bundled
    2020 Nagorno-Karabakh war).

    Raises
    ------
    OSError (``_InputError``)
        A file cannot be read.
    UsageError
        Two files give the same document id, or ``document`` is given with several files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Amnesty said 146 civilians died.", "utf-8")
    >>> _ = (folder / "b.txt").write_text("Baku said 27 civilians died.", "utf-8")
    >>> claims = extract_articles([folder / "a.txt", folder / "b.txt"], published="2021-01-14")
    >>> sorted(claims.to_frame()["document"])
    ['a', 'b']
    """
    return _extract_files(
        paths, published=published, outlet=outlet, document=document, war=war, progress=progress
    )[0]


def _extract_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    published: str,
    outlet: str | None,
    document: str | None,
    war: War | str | None,
    progress: Progress,
) -> tuple[ClaimSet, pd.DataFrame]:
    """The claims of every file and the numbers refused in them (``Extraction.rejected``)."""
    files = [Path(p) for p in paths]
    if document is not None and len(files) != 1:
        raise UsageError("the option --document names one article; give one file or drop it")
    ids = [document or _document_of(f) for f in files]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise UsageError(
            f"several articles give document id {twice[0]!r}; rename them or extract them apart"
        )
    advance = progress(f"Extracting {len(files)} article(s)", len(files))
    found: ClaimSet | None = None
    refused: list[pd.DataFrame] = []
    for path, ident in zip(files, ids, strict=True):
        try:
            text = path.read_bytes()
        except OSError as error:
            raise _InputError(f"cannot read {str(path)!r}: {error.strerror or error}") from error
        result = extract_debug(text, published=published, document=ident, outlet=outlet, war=war)
        found = result.claims if found is None else found + result.claims
        refused.append(result.rejected.assign(document=ident))
        advance(1)
    assert found is not None
    return found, pd.concat(refused, ignore_index=True)


def _cmd_extract(ctx: _Context) -> int:
    """Extract candidate claims from articles; write one claims CSV (stdout or ``-o``)."""
    args = ctx.args
    try:
        as_date(args.published, "--published")
    except KarabakhTollsError as error:
        raise UsageError(str(error)) from error
    if args.review:
        if len(args.articles) != 1:
            raise UsageError("the option --review reads one article at a time")
        if not args.output:
            raise UsageError("--review needs -o FILE for the reviewed claims")
    war = _war_of(args.war) if args.war else None
    with ctx.progress() as progress:
        claims, refused = _extract_files(
            args.articles,
            published=args.published,
            outlet=args.outlet,
            document=args.document,
            war=war,
            progress=progress,
        )
    outside = refused.loc[refused["reason"] == "outside-war"]
    if len(outside):
        named = war.id if war is not None else f"the default, {default_war().id}"
        shown = ", ".join(
            f"{t!r} ({d})" for t, d in zip(outside["text"], outside["document"], strict=True)
        )
        ctx.note(
            f"{len(outside)} figure(s) refused as outside the war's dates ({named}): {shown}; "
            "name the war the articles report on with --war (a bundled id or a war .toml file)"
        )
    if args.review:
        text = Path(args.articles[0]).read_bytes().decode("utf-8")
        result = review(claims, text, input=sys.stdin, output=ctx.stderr)
        result.claims.to_csv(args.output)
        rejected = Path(args.output).with_suffix(".rejected.csv")
        result.rejected.to_csv(rejected)
        print(
            f"{len(result.claims)} claim(s) kept in {args.output}, {len(result.rejected)} "
            f"rejected in {rejected}, {result.unreviewed} left unreviewed",
            file=ctx.stderr,
        )
        return EXIT_OK
    if args.output:
        claims.to_csv(args.output)
        ctx.note(f"{len(claims)} claim(s) written to {args.output}")
    else:
        buffer = io.StringIO()
        claims.to_csv(buffer)
        ctx.stdout.write(buffer.getvalue())
        ctx.stdout.flush()
    return EXIT_OK


# ---------------------------------------------------------------------------------------------
# The parser


def _epilog() -> str:
    codes = "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES.items())
    return f"exit codes:\n{codes}"


def _common() -> argparse.ArgumentParser:
    """Options every command takes, before or after its name."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("output")
    group.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="no colour and no progress animation (colour is used only on a terminal anyway)",
    )
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="no progress bars and no notes on stderr",
    )
    group.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the full traceback of an error",
    )
    return common


_DEFAULTS: Final = {"plain": False, "quiet": False, "debug": False}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and docs)."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Reconcile contradictory casualty claims into ranges with provenance. "
        "Without a command: reconcile the bundled seed claims.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"{_PROG} {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    rec = sub.add_parser(
        "reconcile",
        help="reconcile claims (default: the bundled seed set) and print the ranges",
        description="Reconcile a claims file (default: the bundled seed claims) and print "
        "the range of every count a claim speaks about, with its sources and derivation.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    rec.add_argument("claims", nargs="?", help="a claims file (.csv, .jsonl, .parquet)")
    rec.add_argument("--all", action="store_true", help="every row, ancestor scopes included")
    rec.add_argument(
        "--format",
        choices=FORMATS,
        help="table (default; for people), csv, json or parquet (for programs); "
        "default from the -o suffix",
    )
    rec.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    rec.add_argument(
        "--policy",
        choices=sorted(_POLICIES),
        default="all",
        help="which sources count: all (default) or independent (no party's own figures)",
    )
    rec.add_argument("--width", type=int, help="table width in columns (default: the terminal's)")
    rec.add_argument(
        "--war",
        action="append",
        metavar="WAR",
        help="a war the claims' war column may name besides the bundled ones: a war .toml "
        "file (repeat for several)",
    )
    rec.set_defaults(func=_cmd_reconcile)
    ext = sub.add_parser(
        "extract",
        help="extract candidate claims from articles (one CSV out)",
        parents=[common],
    )
    ext.add_argument(
        "articles", nargs="+", metavar="ARTICLE", help="UTF-8 text files (one or many)"
    )
    ext.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    ext.add_argument(
        "--document", help="document id of a single article (default: the file name before '_')"
    )
    ext.add_argument("--outlet", help="publisher id; source of unattributed statements")
    ext.add_argument(
        "--war",
        metavar="WAR",
        help="the war the articles report on: a bundled war id or a war .toml file "
        "(default: karabakh-2020)",
    )
    ext.add_argument("-o", "--output", help="write the CSV here instead of stdout")
    ext.add_argument(
        "--review",
        action="store_true",
        help="accept, correct or reject each candidate interactively (needs -o)",
    )
    ext.set_defaults(func=_cmd_extract)
    return parser


def _with_command(argv: Sequence[str], parser: argparse.ArgumentParser) -> list[str]:
    """``argv`` with ``reconcile`` put first when no command is named."""
    words = list(argv)
    commands = {"reconcile", "extract"}
    if any(w in commands for w in words) or any(w in ("-h", "--help", "--version") for w in words):
        return words
    return ["reconcile", *words]


def _one_line(error: BaseException) -> str:
    lines = [line.strip(" -") for line in str(error).splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    if len(lines) == 1:
        return lines[0]
    more = len(lines) - 2
    tail = f" (and {more} more; --debug shows all)" if more > 0 else ""
    return f"{lines[0]} {lines[1]}{tail}"


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; returns the process exit code (see :data:`EXIT_CODES`)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(_with_command(words, parser))
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else EXIT_USAGE
    for key, value in _DEFAULTS.items():
        if not hasattr(args, key):
            setattr(args, key, value)
    ctx = _Context(args, out, err)
    try:
        return int(args.func(ctx))
    except BrokenPipeError:
        _silence(out)
        return EXIT_PIPE
    except KeyboardInterrupt:
        print(f"{_PROG}: interrupted", file=err)
        return EXIT_INTERRUPTED
    except (MissingExtraError, UsageError, _InputError, KarabakhTollsError) as error:
        if args.debug:
            traceback.print_exc(file=err)
        code = (
            EXIT_EXTRA
            if isinstance(error, MissingExtraError)
            else EXIT_USAGE
            if isinstance(error, UsageError)
            else EXIT_INPUT
        )
        print(f"{_PROG}: error: {_one_line(error)}", file=err)
        return code
    except OSError as error:
        if args.debug:
            traceback.print_exc(file=err)
        print(f"{_PROG}: error: {error.strerror or error}", file=err)
        return EXIT_INPUT
    except Exception as error:
        if args.debug:
            traceback.print_exc(file=err)
        print(
            f"{_PROG}: internal error: {type(error).__name__}: {_one_line(error)} "
            "(a bug; --debug shows the traceback)",
            file=err,
        )
        return EXIT_BUG


def _silence(stream: TextIO) -> None:
    """After a closed pipe: point the stream at /dev/null so the final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
