"""The shape of app/ as a contract: small files, no block written twice, no dead code."""
import ast
import re
from collections import defaultdict
from pathlib import Path

import vulture

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
MAX_LINES = 400
MIN_REPEAT = 6

#: files waiting for a split elsewhere
PENDING_SPLIT: set[str] = set()

#: repeated blocks waiting for a change elsewhere, as sorted pairs of files
PENDING_REPEATS: set[tuple[str, str]] = set()

#: what vulture takes for dead but something does use: (file, name)
VULTURE_WHITELIST = {
    ("app/realtime/live.py", "sender"),  # blinker passes the sender to every receiver
}

LONE_PUNCTUATION = re.compile(r"^[\s()\[\]{},:;.]*$")


def app_files() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_file_in_app_is_over_400_lines():
    long = {name(p): n for p in app_files()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    over = {f"{path}: {n} lines" for path, n in long.items() if path not in PENDING_SPLIT}
    assert not over, f"files over {MAX_LINES} lines:\n" + "\n".join(sorted(over))


def normalised_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the lines that count: white space folded; blank lines,
    comments, import statements and lone punctuation passed over (as `duplicates` does)."""
    source = path.read_text(encoding="utf-8")
    skipped = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            skipped.update(range(node.lineno, node.end_lineno + 1))
    kept = []
    for number, line in enumerate(source.splitlines(), 1):
        text = " ".join(line.split())
        if number in skipped or not text or text.startswith("#") or LONE_PUNCTUATION.match(text):
            continue
        kept.append((number, text))
    return kept


def repeated_blocks(files: list[Path], base: Path = ROOT,
                    size: int = MIN_REPEAT) -> list[tuple[str, str, int, int]]:
    """Runs of `size` or more identical normalised lines standing in two places.

    Returns (file a, file b, first line in a, first line in b) for each maximal run
    (a pair of places sharing a longer run is reported once).
    """
    lines = {p.relative_to(base).as_posix(): normalised_lines(p) for p in files}
    windows = defaultdict(list)
    for path, kept in lines.items():
        for i in range(len(kept) - size + 1):
            windows[tuple(text for _, text in kept[i:i + size])].append((path, i))
    pairs = set()
    for places in windows.values():
        for a in range(len(places)):
            for b in range(a + 1, len(places)):
                (pa, ia), (pb, ib) = places[a], places[b]
                if pa == pb and abs(ia - ib) < size:
                    continue  # a run overlapping itself (a long run of one line)
                pairs.add((pa, ia, pb, ib))
    found = []
    for pa, ia, pb, ib in sorted(pairs):
        if (pa, ia - 1, pb, ib - 1) in pairs:
            continue  # the same run, seen from its start
        found.append((pa, pb, lines[pa][ia][0], lines[pb][ib][0]))
    return found


def test_repeated_blocks_are_found(tmp_path):
    """The finder itself: a seven-line block written twice is one pair; shapes are not."""
    block = "\n".join(f"total = total + value_{i}" for i in range(7))
    shape = "\n".join(f"total = total + other_{i}" for i in range(7))
    (tmp_path / "a.py").write_text(f"import os\n\n{block}\n", encoding="utf-8")
    (tmp_path / "b.py").write_text(f"# same\n{block}\nitems = [\n    1,\n]\n", encoding="utf-8")
    (tmp_path / "c.py").write_text(shape + "\n", encoding="utf-8")
    assert repeated_blocks(sorted(tmp_path.glob("*.py")), base=tmp_path) == [("a.py", "b.py", 3, 2)]


def test_no_block_of_six_lines_is_written_twice_in_app():
    found = [f"{a}:{la} ~ {b}:{lb}" for a, b, la, lb in repeated_blocks(app_files())
             if tuple(sorted((a, b))) not in PENDING_REPEATS]
    assert not found, (f"blocks of {MIN_REPEAT}+ identical lines in two places "
                       "(extract the one helper):\n" + "\n".join(found))


def test_no_dead_code_in_app():
    """vulture at full confidence: unused imports, arguments, variables, unreachable code."""
    finder = vulture.Vulture()
    finder.scavenge([str(APP)])
    dead = [f"{name(Path(item.filename))}:{item.first_lineno}: {item.message}"
            for item in finder.get_unused_code(min_confidence=100)
            if (name(Path(item.filename)), item.name) not in VULTURE_WHITELIST]
    assert not dead, "dead code:\n" + "\n".join(dead)


def test_pages_load_themselves_again_only_through_gz_reload():
    """app.js `reload` loads a page again at most once and never over a form just sent:
    two reloads of one page (a console button's answer and the live event it caused)
    cancel each other, the first ending in net::ERR_ABORTED."""
    static = APP / "web" / "static"
    direct = sorted(name(p) for p in static.glob("*.js")
                    if p.name != "app.js" and "location.reload(" in p.read_text(encoding="utf-8"))
    assert not direct, "reload through GZ.reload:\n" + "\n".join(direct)


def test_no_issue_numbers_in_the_code():
    """A comment says why, not which ticket asked for it: the code outlives the tracker."""
    tagged = [f"{path.relative_to(APP.parent)}:{n}" for path in sorted(APP.rglob("*"))
              if path.suffix in (".py", ".html", ".js", ".css") and "vendor" not in path.parts
              for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"\b[Ii]ssue \d+", line)]
    assert tagged == []
