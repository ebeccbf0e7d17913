"""Reading raw corpus files safely: missing, empty, binary and non-UTF-8 input.

>>> decode_lines(b"caf\\xc3\\xa9\\nbad \\xff\\n")
[(1, 'café'), (2, None)]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError

__all__ = ["KNOWN_SUFFIXES", "expand_paths", "read_bytes", "read_head", "iter_lines", "decode_lines", "looks_binary"]

KNOWN_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".json", ".csv", ".tsv")


def expand_paths(paths) -> list[Path]:
    """Files named directly, plus corpus files (by suffix) found under directories, leaving
    out hidden files and folders and kg's own output (a workdir's graph.json)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
                            and not _skipped(p, path))
            if not inside:
                raise InputError(
                    f"{path}: directory holds no corpus files",
                    fix=f"put .txt, .jsonl, .json or .csv files in it (looked for {', '.join(KNOWN_SUFFIXES)})",
                )
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise InputError(f"{path}: not a regular file", fix="pass a corpus file or a directory of them")
        else:
            raise InputError(f"{path}: no such file or directory", fix="check the path (run `kg build` with no paths for the bundled seeds)")
    return found


def _skipped(path: Path, root: Path) -> bool:
    """Hidden files and folders (".kg", ".git") and a kg workdir's own graph.json are no corpus.

    >>> _skipped(Path("c/.kg/graph.json"), Path("c")), _skipped(Path("c/papers/a.jsonl"), Path("c"))
    (True, False)
    """
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return True
    return path.name == "graph.json" and ((path.parent / "store").is_dir() or (path.parent / "graph.html").is_file())


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError as err:
        raise InputError(f"{path}: permission denied", fix="make the file readable (chmod +r)") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})", fix="check the file") from err


def read_head(path: Path, size: int = 8192) -> bytes:
    """The first ``size`` bytes, to sniff a file before streaming it."""
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except PermissionError as err:
        raise InputError(f"{path}: permission denied", fix="make the file readable (chmod +r)") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})", fix="check the file") from err


def iter_lines(path: Path) -> Iterator[tuple[int, str | None]]:
    """Like :func:`decode_lines`, one line at a time, so a large file is never held whole."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield number, raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                yield number, None


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB mean binary (or UTF-16) data, not a text corpus."""
    return b"\x00" in data[:8192]


def decode_lines(data: bytes) -> list[tuple[int, str | None]]:
    """1-based (line number, text) pairs; ``None`` for a line that is not valid UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    out: list[tuple[int, str | None]] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            out.append((number, raw.decode("utf-8").rstrip("\r")))
        except UnicodeDecodeError:
            out.append((number, None))
    if out and out[-1][1] == "":
        out.pop()
    return out
