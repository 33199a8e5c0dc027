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


def yaml_files(directory: Path) -> list[Path]:
    """The .yaml/.yml files directly in a folder, sorted by name for a stable order."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
