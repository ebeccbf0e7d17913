"""Reading raw corpus files safely: missing, empty, binary and non-UTF-8 input.

>>> decode_lines(b"caf\\xc3\\xa9\\nbad \\xff\\n")
[(1, 'café'), (2, None)]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..records import Skipped

__all__ = ["KNOWN_SUFFIXES", "find_files", "read_bytes", "read_head", "iter_lines", "decode_lines",
           "looks_binary", "binary_kind", "skip_reason"]

KNOWN_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".bib", ".bibtex")
_TEXT_FORMATS = "(.txt seed dump, .jsonl, .ndjson, .json, .csv, .tsv, .bib)"
NOT_A_CORPUS_FORMAT = f"not a corpus format {_TEXT_FORMATS}; pass it by name if it is one"
# Files no name could make readable: what each is, and what to do instead.
_UNREADABLE_SUFFIXES = {
    ".pdf": ("a PDF", "put its title and abstract into JSONL or CSV"),
    ".doc": ("a Word document", "put its titles and abstracts into JSONL or CSV"),
    ".docx": ("a Word document", "put its titles and abstracts into JSONL or CSV"),
    ".xls": ("a spreadsheet", "save the sheet as CSV"),
    ".xlsx": ("a spreadsheet", "save the sheet as CSV"),
    ".ods": ("a spreadsheet", "save the sheet as CSV"),
    ".zip": ("a ZIP archive", "unpack it and pass the files inside"),
    ".gz": ("gzip-compressed", "decompress it (gunzip) and pass the text"),
}


def skip_reason(path: Path) -> str:
    """Why a file found in a folder is not read.

    >>> print(skip_reason(Path("c/paper.pdf")))
    a PDF, which paper-kg cannot read: it reads titles and abstracts from text formats only (.txt seed dump, .jsonl, .ndjson, .json, .csv, .tsv, .bib); put its title and abstract into JSONL or CSV
    >>> skip_reason(Path("c/notes.md")) == NOT_A_CORPUS_FORMAT
    True
    """
    if (known := _UNREADABLE_SUFFIXES.get(path.suffix.lower())) is None:
        return NOT_A_CORPUS_FORMAT
    what, fix = known
    return f"{what}, which paper-kg cannot read: it reads titles and abstracts from text formats only {_TEXT_FORMATS}; {fix}"


def find_files(paths) -> tuple[list[Path], list[Skipped]]:
    """Files named directly, plus corpus files (by suffix) found under directories; and the
    other files found there, each with why it was skipped, so the summary can name them.

    Hidden files and folders and kg's own output (a workdir's graph.json) are left out
    without a word: they are never meant as input.
    """
    found: list[tuple[Path, Path | None]] = []  # each file, and the folder it was found in (None: given by name)
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _skipped(p, path))
            inside = [p for p in files if p.suffix.lower() in KNOWN_SUFFIXES]
            others = [p for p in files if p.suffix.lower() not in KNOWN_SUFFIXES]
            if not inside:
                holds = f"; it holds {', '.join(p.name for p in others[:3])}{' ...' if len(others) > 3 else ''}" if others else ""
                raise InputError(
                    f"{path}: directory holds no corpus files{holds}",
                    fix=f"put .txt, .jsonl, .json, .csv or .bib files in it (looked for {', '.join(KNOWN_SUFFIXES)}), "
                        "or pass a file of another name by its path",
                )
            extracted = [p for p in inside if _extract_output(p)]
            found.extend((p, path) for p in inside if p not in extracted)
            skipped.extend(Skipped(str(p), skip_reason(p)) for p in others)
            skipped.extend(Skipped(str(p), _EXTRACTED) for p in extracted)
        elif path.is_file():
            found.append((path, None))
        elif path.exists():
            raise InputError(f"{path}: not a regular file", fix="pass a corpus file or a directory of them")
        else:
            raise InputError(f"{path}: no such file or directory", fix="check the path (kg.BUNDLED_SEEDS is the bundled corpus)",
                             cli_fix="check the path; given no paths, the command reads the bundled seeds")
    found, repeats = _each_once(found)
    return found, skipped + repeats


def _each_once(found: list[tuple[Path, Path | None]]) -> tuple[list[Path], list[Skipped]]:
    """Each file once (a file given twice, or in a folder given too, would count every record twice),
    and a Skipped for every repeat that names where the file was given first.

    >>> files, repeats = _each_once([(Path("c/a.jsonl"), Path("c")), (Path("c/../c/a.jsonl"), None), (Path("c/a.jsonl"), None)])
    >>> files, [s.reason for s in repeats]
    ([PosixPath('c/a.jsonl')], ['the same file as c/a.jsonl in the folder c, given before; read once', 'the same file as c/a.jsonl in the folder c, given before; read once'])
    """
    first: dict[Path, tuple[Path, Path | None]] = {}
    repeats: list[Skipped] = []
    for path, folder in found:
        given, given_in = first.setdefault(path.resolve(), (path, folder))
        if given is not path:
            where = f"the same file as {given} in the folder {given_in}, " if given_in is not None else \
                "" if given == path else f"the same file as {given}, "
            repeats.append(Skipped(str(path), f"{where}given before; read once", repeat=True))
    return [path for path, _ in first.values()], repeats


_EXTRACTED = "`kg extract` output, not a corpus (`kg load` reads it; pass it by its path to read its papers again)"


def _extract_output(path: Path) -> bool:
    """Whether a JSON-lines file in a folder is what `kg extract` wrote: its first record has
    the paper's ``id``, ``title`` and a list of ``entities``.  Read as a corpus, its papers
    would only come back as duplicates of the corpus beside it."""
    if path.suffix.lower() != ".jsonl":
        return False
    first = read_head(path, 65536).split(b"\n", 1)[0]
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and {"id", "title"} <= record.keys() and isinstance(record.get("entities"), list)


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
    """Many NUL bytes in the first 8 KiB mean binary (or UTF-16) data, not a text corpus; a stray
    NUL or two in a text file only spoils its own lines, which are rejected one by one.

    >>> looks_binary(b"a\\x00b\\x00c\\x00"), looks_binary(b'{"title": "x"}\\n' * 50 + b"\\x00\\n")
    (True, False)
    """
    head = data[:8192]
    return head.count(b"\x00") > 0.05 * len(head)


# Formats people pass by mistake, by their first bytes: each gets a reject that says what to do.
_MAGIC = (
    (b"%PDF-", "file is a PDF, not a text corpus; put its titles and abstracts into JSONL or CSV"),
    (b"PK\x03\x04", "file is a ZIP archive (as .xlsx and .docx files are), not a text corpus; save the sheet as CSV, or unzip it"),
    (b"\x1f\x8b", "file is gzip-compressed; decompress it (gunzip) and pass the text"),
    (b"\xff\xfe", "file is UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8) and pass that"),
    (b"\xfe\xff", "file is UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8) and pass that"),
)
BINARY = "file is binary (or UTF-16), not a text corpus; pass UTF-8 text, JSONL or CSV"


def binary_kind(head: bytes) -> str | None:
    """Why the file that starts with ``head`` is not text, or None for text.

    Besides NUL bytes and known signatures, a head where more than 30% of the characters
    are control characters or bytes that are no UTF-8 is binary; a Windows-1252 file has far
    fewer (one accented letter in a word or two), and its lines are read in that encoding.

    >>> binary_kind(b"%PDF-1.7\\n"), binary_kind(b"title,abstract\\nCaf\\xe9,We use MNIST.\\n")
    ('file is a PDF, not a text corpus; put its titles and abstracts into JSONL or CSV', None)
    >>> binary_kind(bytes(range(200, 256)) * 3) == BINARY
    True
    """
    for magic, reason in _MAGIC:
        if head.startswith(magic):
            return reason
    if looks_binary(head):
        return BINARY
    text = head.decode("utf-8", errors="replace")
    odd = sum(ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\x7f" for ch in text)
    return BINARY if text and odd > 0.3 * len(text) else None


def unread_format(head: bytes) -> str | None:
    """Why a text file in a bibliographic format paper-kg does not read is no corpus, with what to
    export instead; None for any other file.

    >>> unread_format(b"TY  - JOUR\\nTI  - A title\\n")[:40], unread_format(b"title,abstract\\n")
    ('file is RIS (a reference manager export)', None)
    """
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if re.match(r"TY {2}- ", text):
        return ("file is RIS (a reference manager export), which paper-kg does not read; export the same "
                "references as BibTeX (.bib) or CSV instead")
    if text.startswith(("<?xml", "<feed", "<rss", "<xml")):
        return ("file is XML (an arXiv API Atom feed, or an EndNote or PubMed export), which paper-kg does not "
                "read; write its entries as JSON lines with title, abstract (Atom's summary), authors, year and id")
    return None


def decode_lines(data: bytes, fallback: str | None = None) -> list[tuple[int, str | None]]:
    """1-based (line number, text) pairs; ``None`` for a line that is not valid UTF-8, or, with a
    ``fallback`` encoding, the line read in that one where it reads.

    >>> decode_lines(b"caf\\xc3\\xa9\\ncaf\\xe9\\n"), decode_lines(b"caf\\xe9", fallback="cp1252")
    ([(1, 'café'), (2, None)], [(1, 'café')])

    A file with old Mac line endings (CR alone; Excel for Mac's "CSV (Macintosh)") is split at them:
    with no line feed at all, a CR can only end a line.

    >>> decode_lines(b"title,abstract\\rT,A.\\r")
    [(1, 'title,abstract'), (2, 'T,A.')]
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    out: list[tuple[int, str | None]] = []
    for number, raw in enumerate(data.split(b"\n" if b"\n" in data or b"\r" not in data else b"\r"), start=1):
        try:
            out.append((number, raw.decode("utf-8").rstrip("\r")))
        except UnicodeDecodeError:
            try:
                out.append((number, raw.decode(fallback).rstrip("\r") if fallback else None))
            except UnicodeDecodeError:
                out.append((number, None))
    if out and out[-1][1] == "":
        out.pop()
    return out
