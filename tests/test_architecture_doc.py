"""docs/architecture.md draws every package of app/ and marks the front doors as they are."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"


def packages() -> set[str]:
    return {p.name for p in (ROOT / "app").iterdir() if (p / "__init__.py").is_file()}


def picture() -> str:
    """The first fenced block of the document: the drawing."""
    return re.search(r"```\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)


def test_every_package_of_app_is_in_the_picture():
    drawn = set(re.findall(r"\b([a-z]+)(?:\[api\])?(?=[\s\]|>-]|$)", picture()))
    missing = sorted(packages() - drawn)
    assert not missing, f"packages of app/ missing from docs/architecture.md: {missing}"


def test_the_picture_marks_exactly_the_packages_with_a_front_door():
    marked = set(re.findall(r"\b([a-z]+)\[api\]", picture()))
    with_door = {p for p in packages() if (ROOT / "app" / p / "api.py").is_file()}
    assert marked == with_door, (f"marked [api] but no api.py: {sorted(marked - with_door)}; "
                                 f"api.py but not marked: {sorted(with_door - marked)}")


def test_the_picture_names_no_package_that_is_gone():
    marked = set(re.findall(r"\b([a-z]+)\[api\]", picture()))
    assert marked <= packages(), sorted(marked - packages())
