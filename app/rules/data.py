"""Loading data files (YAML) through a marshmallow schema, failing loudly and precisely.

A city edits these files without code, so a mistake must stop start-up with the
file and the field named, never surface later as a wrong count.
"""
from pathlib import Path

import yaml
from marshmallow import Schema, ValidationError


#: libyaml's parser when PyYAML was built with it (the same documents, several times faster:
#: every app start reads a few dozen files), else the pure-Python one
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataFileError(Exception):
    """A data file that cannot be used; the message names the file and the field."""


def _paths(messages, prefix=""):
    """Flatten marshmallow's nested errors into 'questions.2.options: ...' lines."""
    if isinstance(messages, dict):
        for name, value in messages.items():
            yield from _paths(value, f"{prefix}.{name}" if prefix else str(name))
    elif isinstance(messages, (list, tuple)) and messages and all(isinstance(m, str) for m in messages):
        yield f"{prefix}: {'; '.join(messages)}"
    elif isinstance(messages, (list, tuple)):
        for value in messages:
            yield from _paths(value, prefix)
    else:
        yield f"{prefix}: {messages}"


def load_file(path: Path, schema: Schema):
    """Parse one YAML file and load it with the schema; DataFileError names file and field."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise DataFileError(f"{path}: cannot read YAML: {error}") from error
    try:
        return schema.load(raw if raw is not None else {})
    except ValidationError as error:
        detail = "; ".join(_paths(error.messages))
        raise DataFileError(f"{path}: {detail}") from error


#: (the templates folder, the city's folder) while an app loads its data: see use_city_folder
_city: tuple[Path, Path] | None = None


def use_city_folder(base: Path, city: Path | None) -> None:
    """A city changes one file at a time: a file of `city` shadows the file of `base` with the
    same path inside it (rules/periods/publicity.yaml, catalogue/renovation.yaml, a template),
    and a file only the city has is added; everything else is read from `base`. Set when an
    app starts, before its data files are read."""
    global _city
    _city = (base.resolve(), city.resolve()) if city is not None else None


def _yaml_in(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return [p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()]


def yaml_files(directory: Path) -> list[Path]:
    """The .yaml/.yml files directly in a folder, the city's in place of the same-named ones
    (use_city_folder), sorted by name for a stable order."""
    files = {p.name: p for p in _yaml_in(directory)}
    if _city is not None:
        base, city = _city
        try:
            inside = directory.resolve().relative_to(base)
        except ValueError:  # a folder outside the templates (a test's own): no city files
            inside = None
        if inside is not None:
            files.update({p.name: p for p in _yaml_in(city / inside)})
    return [files[name] for name in sorted(files)]
