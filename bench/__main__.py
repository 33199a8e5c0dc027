"""`make bench`: run every benchmark, print one table, and write bench/RESULTS.md.

A module takes part with `measure() -> list[dict]`, each row having benchmark,
value, baseline, ratio, goal and met (see bench/README.md). Modules without
`measure()` are run through their `main()` and print their own lines.
"""
import contextlib
import importlib
import io
import logging
import os
import pkgutil
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import bench
from bench import table

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
class Tee(io.TextIOBase):
    """Print as usual and keep a copy for RESULTS.md."""

    def __init__(self, *streams):
        self.streams = streams

    def write(self, text):
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self):
        for stream in self.streams:
            stream.flush()


def main(only: list[str]) -> None:
    logging.disable(logging.INFO)
    rows, details, started = [], [], time.perf_counter()
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or (only and info.name not in only):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        print(f"== bench.{info.name}", flush=True)
        if hasattr(module, "measure"):
            try:
                rows.extend(module.measure())
            except Exception as error:  # noqa: BLE001 - one broken benchmark must not hide the others
                rows.append({"benchmark": info.name, "value": f"failed: {error}", "met": False})
        elif hasattr(module, "main"):
            captured = io.StringIO()
            with contextlib.redirect_stdout(Tee(sys.stdout, captured)):
                try:
                    module.main()
                except Exception as error:  # noqa: BLE001
                    print(f"failed: {error}")
            details.append((info.name, captured.getvalue()))
    print()
    print(table(rows))
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    header = (f"# Benchmark results\n\n{stamp}, {os.cpu_count()} cores, {platform.machine()}, "
              f"Python {platform.python_version()}; `make bench` took "
              f"{time.perf_counter() - started:.0f} s. Each figure sits beside a baseline measured "
              f"in the same run (see bench/README.md).\n\n")
    body = header + table(rows) + "\n"
    for name, text in details:
        body += f"\n## bench.{name}\n\n```\n{text.strip()}\n```\n"
    if not only:
        RESULTS.write_text(body)
        print(f"\nwritten to {RESULTS}")


if __name__ == "__main__":
    selected, sys.argv = sys.argv[1:], sys.argv[:1]  # modules' own mains read sys.argv
    main(selected)
