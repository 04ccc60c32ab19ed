"""Writing a file so that a crash, a kill or a full disk never loses what it held.

The journal (:mod:`hinge_sim.journal`) and the learner's progress
(:mod:`hinge_sim.progress`) both write through it. Standard library only: a
layer of its own (``tests/test_layers.py``).

- :func:`replace` writes a complete new file beside the old one, flushes it to
  the disk and renames it over the old one; it keeps the old file's mode (and
  owner and group where the process may set them) and writes through a
  symbolic link to its target, so the link stays a link.
- :func:`locked` holds an exclusive lock beside the file (POSIX ``flock``).
- :func:`require_writable` refuses a file that is read-only.
- :func:`keep_copy` writes a copy that is never overwritten (before a migration).
"""
import contextlib
import os
import stat
import tempfile

# Longest file name (bytes) on ext4, XFS, btrfs and APFS; NTFS counts 255 UTF-16
# units (Linux limits.h NAME_MAX) [V]
NAME_MAX = 255
# Names written beside the file: ".<name>.<8 random characters>.tmp" (14 more
# bytes) and copies "<name>.<tag of up to 8>-<up to 999>.bak" (17 more)
TEMP_EXTRA = len(".<tag1234>-999.bak")
MAX_NAME_BYTES = NAME_MAX - TEMP_EXTRA


def check_name(path, what="file"):
    """Raise ``ValueError`` when the file's name (or its link target's) is too long.

    ``what`` names the file in the message ("journal file").
    """
    for name in {os.path.basename(os.fspath(path)), os.path.basename(target(path))}:
        _check_one_name(name, what)


def _check_one_name(name, what):
    size = len(os.fsencode(name))
    if size > MAX_NAME_BYTES:
        raise ValueError(f"{what} name {name[:30]!r}... is {size} bytes long; the limit is "
                         f"{MAX_NAME_BYTES} bytes ({NAME_MAX}, the longest file name most file "
                         f"systems allow, less {TEMP_EXTRA} for the temporary files and copies "
                         "written beside it): use a shorter name")


def target(path):
    """Return the file a path names once every symbolic link is followed."""
    return os.path.realpath(os.fspath(path))


@contextlib.contextmanager
def locked(path):
    """Hold an exclusive lock on ``.<name>.lock`` beside the file ``path`` names (POSIX only).

    Two links to one file share its lock. On Windows there is no lock.
    """
    try:
        import fcntl
    except ImportError:  # Windows: one writer at a time is the user's job
        yield
        return
    folder, name = os.path.split(target(path))
    with open(os.path.join(folder, f".{name}.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def require_writable(path):
    """Raise ``PermissionError`` when the file at ``path`` is read-only.

    Renaming a new file over an old one needs only the folder to be
    writable, so a read-only file would be replaced without this check. A
    file with no write permission for anyone is read-only even for root.
    """
    mode = os.stat(path).st_mode
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise PermissionError(f"{os.fspath(path)} is read-only (mode {stat.filemode(mode)}); it "
                              "is not written over: make it writable (chmod u+w) to save to it")


def _write_all(f, data):
    """Write ``data`` to the open file ``f`` (one place, so tests can slow it down)."""
    f.write(data)


def replace(path, data):
    """Make the file at ``path`` hold ``data``: temp file, fsync, rename, fsync folder.

    A symbolic link is followed (its target is replaced, the link stays);
    the old file's permission bits are kept, and its owner and group where
    the process may set them (otherwise the writer's). A new file gets mode
    0600: the journal and the progress file hold personal data.
    """
    real = target(path)
    folder, name = os.path.split(real)
    try:
        old = os.stat(real)
    except FileNotFoundError:
        old = None
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            if old is not None:
                _keep_owner(f.fileno(), old)
                _set_mode(f.fileno(), tmp, old.st_mode)
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _set_mode(fd, path, mode):
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(mode))
    else:  # Windows before Python 3.13: only the read-only flag, which is never set here
        os.chmod(path, stat.S_IMODE(mode) | stat.S_IWRITE)


def _keep_owner(fd, old):
    if not hasattr(os, "fchown"):
        return
    for uid in (old.st_uid, -1):  # owner and group; else the group alone
        try:
            os.fchown(fd, uid, old.st_gid)
            return
        except PermissionError:
            continue


def _sync_folder(folder):
    with contextlib.suppress(OSError, AttributeError):  # directory fsync: POSIX only
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def remove_stale_temps(path):
    """Delete temp files left by a writer that was killed (call with the lock held)."""
    folder, name = os.path.split(target(path))
    for entry in os.listdir(folder):
        if entry.startswith(f".{name}.") and entry.endswith(".tmp"):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, entry))


def _create(tmp, copy, data):
    """Give the complete file ``tmp`` the new name ``copy``; raise if the name is taken."""
    try:
        os.link(tmp, copy)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network drives): write it anew
        with open(copy, "xb") as f:
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())


def keep_copy(path, data, tag):
    """Write ``data`` to ``<name>.<tag>.bak`` beside the file (``.<tag>-2.bak`` ... if taken).

    The copy is complete on the disk before this returns and never replaces
    another file. Returns its path. ``tag`` has at most 8 characters.
    """
    if len(tag) > 8:
        raise ValueError(f"tag = {tag!r} has {len(tag)} characters; at most 8")
    real = target(path)
    folder, name = os.path.split(real)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            _set_mode(f.fileno(), tmp, os.stat(real).st_mode)
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        for n in range(1, 1000):
            copy = os.path.join(folder, f"{name}.{tag}{'' if n == 1 else f'-{n}'}.bak")
            try:
                _create(tmp, copy, data)
                break
            except FileExistsError:
                continue
        else:
            raise FileExistsError(f"999 copies named {name}.{tag}-N.bak already exist in {folder}")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _sync_folder(folder)
    return copy
