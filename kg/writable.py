"""Whether an output can be written where it is asked for, checked before the work that makes it:
an extraction or a build would otherwise run in full and fail only when it writes its result.

>>> import tempfile
>>> taken = Path(tempfile.mkstemp()[1])
>>> check_writable(taken / "x.jsonl", fix="pass --out a file in a folder")
Traceback (most recent call last):
kg.errors.InputError: cannot write .../x.jsonl: ... is a file, not a folder (fix: pass --out a file in a folder)
>>> check_writable(Path(tempfile.mkdtemp()) / "new" / "x.jsonl", fix="-")  # its folder is made when it is written
>>> check_writable("/dev/null", fix="pass --out a file")
Traceback (most recent call last):
kg.errors.InputError: cannot write /dev/null: it is a character device, not a file (fix: pass --out a file)
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError

__all__ = ["check_writable", "check_replaceable", "replacing"]

_CAP_FOWNER = 3  # Linux: lets a process replace other users' files in a sticky folder (root has it)


def check_writable(target: str | os.PathLike, *, inside: bool = False, fix: str, cli_fix: str | None = None) -> None:
    """Raise InputError unless ``target`` can be written: a file or folder made at ``target``, or
    with ``inside``, files made in the folder ``target`` (new or not).  A folder on the way that does
    not exist yet counts as made; the first one that exists must be a folder that takes a new
    entry, which is tried (a read-only disk, or /proc, refuses even root), and nothing is left.  A
    file that is there already must be one that can be replaced (:func:`check_replaceable`)."""
    target = Path(target)
    folder = target if inside else target.parent
    nearest = next(path for path in (folder, *folder.parents) if path.exists())
    if not nearest.is_dir():
        raise InputError(f"cannot write {target}: {nearest} is {_kind(nearest)}, not a folder", fix=fix, cli_fix=cli_fix)
    if not inside:
        check_replaceable(target, fix=fix, cli_fix=cli_fix)
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".kg-write-test-", dir=nearest))
    except OSError as err:
        raise InputError(f"cannot write {target}: no file can be made in {nearest} ({err.strerror or err})",
                         fix=fix, cli_fix=cli_fix) from err


def check_replaceable(target: str | os.PathLike, *, fix: str, cli_fix: str | None = None) -> None:
    """Raise InputError if ``target`` is there and is no file (a device, a FIFO, a socket, a folder):
    the temporary file renamed onto it would replace /dev/null itself, and writing into a FIFO
    waits for a reader that may never come.  Nor may it be a file this process cannot write
    (tried: read-only, or on a read-only disk) or, in a sticky folder such as /tmp, another
    user's, which only its owner may replace.  Checked again just before the rename."""
    target = Path(target)
    if not target.exists():
        return
    if not target.is_file():
        raise InputError(f"cannot write {target}: it is {_kind(target)}, not a file", fix=fix, cli_fix=cli_fix)
    try:
        os.close(os.open(target, os.O_WRONLY))  # no O_TRUNC: the file is left as it is
    except OSError as err:
        raise InputError(f"cannot write {target}: the file there cannot be written ({err.strerror or err})",
                         fix=f"make it writable (chmod u+w {target}), or {fix}",
                         cli_fix=cli_fix and f"make it writable (chmod u+w {target}), or {cli_fix}") from err
    owner, folder = target.stat().st_uid, target.resolve().parent.stat()
    if folder.st_mode & stat.S_ISVTX and os.geteuid() not in (owner, folder.st_uid) and not _has_capability(_CAP_FOWNER):
        raise InputError(f"cannot write {target}: it belongs to another user (uid {owner}), and in a sticky folder "
                         "such as /tmp only its owner may replace it", fix=f"remove it as its owner, or {fix}",
                         cli_fix=cli_fix and f"remove it as its owner, or {cli_fix}")


@contextmanager
def replacing(target: str | os.PathLike, *, fix: str, cli_fix: str | None = None) -> Iterator[Path]:
    """A temporary path beside ``target`` to write, renamed onto ``target`` when the block ends
    without error (so a reader never sees half a file); on any failure it is removed, and an
    OSError becomes an InputError naming ``target``.  A link is written through, and the file
    replaced keeps its permissions.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()); _ = (folder / "real.json").write_text("{}"); (folder / "real.json").chmod(0o664)
    >>> (folder / "link.json").symlink_to(folder / "real.json")
    >>> with replacing(folder / "link.json", fix="-") as path:
    ...     _ = path.write_text("[1]")
    >>> (folder / "link.json").is_symlink(), (folder / "real.json").read_text(), oct((folder / "real.json").stat().st_mode & 0o777)
    (True, '[1]', '0o664')
    """
    target = Path(target)
    real = Path(os.path.realpath(target))  # through a symbolic link: the file it names is replaced, not the link
    temporary = real.with_name(f".{real.name}.partial-{os.getpid()}")
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        yield temporary
        check_replaceable(target, fix=fix, cli_fix=cli_fix)
        if real.exists():
            os.chmod(temporary, stat.S_IMODE(real.stat().st_mode))  # the file keeps its permissions
        os.replace(temporary, real)
    except OSError as err:
        raise InputError(f"cannot write {target}: {err.strerror or err}", fix=fix, cli_fix=cli_fix) from err
    finally:
        temporary.unlink(missing_ok=True)


def _kind(path: Path) -> str:
    """What ``path`` is, in words: "a file", "a folder", "a character device", ..."""
    mode = path.stat().st_mode
    kinds = ((stat.S_ISREG, "a file"), (stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "no regular file")


def _has_capability(bit: int) -> bool:
    """Whether this process holds the Linux capability ``bit`` (root may run without some, under setpriv)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="utf-8")
    except OSError:
        return os.geteuid() == 0
    effective = next((line.split()[1] for line in status.splitlines() if line.startswith("CapEff:")), None)
    return bool(int(effective, 16) >> bit & 1) if effective else os.geteuid() == 0
