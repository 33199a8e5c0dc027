"""Templates read every page text as `m.NAME` from one table merged from the message
modules: a name defined twice with different wording let the console's label replace the
resident page's sentence (the resident case page showed "会议纪要" instead of the minutes)."""
import re
from pathlib import Path

from app.web.api import MODULES, TEXTS

TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "web" / "templates"


def test_no_page_text_name_means_two_things():
    first: dict[str, tuple[str, object]] = {}
    clashes = []
    for module in MODULES:
        for name, value in vars(module).items():
            if not name.isupper() or name == "JS":
                continue
            if name in first and first[name][1] != value:
                clashes.append(f"{name}: {first[name][0]} / {module.__name__}")
            first.setdefault(name, (module.__name__, value))
    assert not clashes, clashes


def test_the_resident_meeting_lines_keep_their_slots():
    assert "{text}" in TEXTS["MEETING_MINUTES"] and "{names}" in TEXTS["MEETING_ATTENDEES"]


def test_every_text_a_template_reads_exists():
    """Jinja prints nothing for a missing name: a renamed text would leave a blank label."""
    missing = {f"{path.relative_to(TEMPLATES)}: m.{name}"
               for path in TEMPLATES.rglob("*.html")
               for name in re.findall(r"\bm\.([A-Z][A-Z0-9_]*)", path.read_text(encoding="utf-8"))
               if name not in TEXTS}
    assert not missing, sorted(missing)
