"""The read-aloud cache on disk, bounded by size (READ_ALOUD_CACHE_MAX_MB): least recently
used first out.

Each spoken text is one MP3 under READ_ALOUD_CACHE_DIR/<2 hex>/<key>.mp3. A hit sets the
file's access time explicitly (os.utime, so it holds under noatime/relatime mounts); a
write is followed by a prune that removes files by oldest access time until the cache is
within its bound, never the file just written. Several processes may share the folder: a
file another process removed first is simply gone.
"""
import os
import time
from pathlib import Path


def touch(path: Path) -> bool:
    """Mark the cached file as used now; False when it is not (or no longer) there."""
    try:
        made = path.stat().st_mtime_ns
        os.utime(path, ns=(time.time_ns(), made))  # access time: now; made time: kept
    except FileNotFoundError:
        return False
    return True


def _entries(root: Path) -> list[tuple[int, int, Path]]:
    """(access time, size, path) of every cached MP3 (partial writes are not counted)."""
    found = []
    for path in root.glob("*/*.mp3"):
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        found.append((stat.st_atime_ns, stat.st_size, path))
    return found


def prune(root: Path, max_bytes: int, keep: Path) -> list[Path]:
    """Remove the least recently used files until the cache holds at most max_bytes (the
    file `keep` stays even if it alone is larger); the removed paths, oldest first."""
    entries = sorted(_entries(root))
    total = sum(size for _, size, _ in entries)
    removed = []
    for _, size, path in entries:
        if total <= max_bytes:
            break
        if path == keep:
            continue
        path.unlink(missing_ok=True)
        total -= size
        removed.append(path)
    return removed
