"""A city changes one data file at a time (CITY_TEMPLATES_DIR): its file shadows the shipped
file with the same path, a file only the city has is added, everything else is read from the
shipped folder; the street's ranking weights are such a file (`rules/ranking/weights.yaml`)."""
from pathlib import Path

import pytest

from app import create_app
from app.config import TestConfig
from app.rules.api import DataFileError

SHIPPED = Path(__file__).resolve().parents[2] / "consultation_templates"


def city_app(city: Path):
    return create_app(type("CityConfig", (TestConfig,), {"CITY_TEMPLATES_DIR": str(city)}))


def write(city: Path, relative: str, text: str) -> Path:
    path = city / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_one_template_shadowed_the_others_shipped(tmp_path):
    shipped = (SHIPPED / "willingness_survey.yaml").read_text(encoding="utf-8")
    title = next(line for line in shipped.splitlines() if line.startswith("title:"))
    write(tmp_path, "willingness_survey.yaml", shipped.replace(title, "title: 本市老旧小区改造意愿征询"))
    default, city = create_app(TestConfig), city_app(tmp_path)
    ours, theirs = (a.extensions["consultation_templates"] for a in (default, city))
    assert theirs["willingness_survey"].title == "本市老旧小区改造意愿征询"
    assert ours["willingness_survey"].title != theirs["willingness_survey"].title
    assert set(ours) == set(theirs)  # every other template still comes from the shipped folder
    assert theirs["content_vote"] == ours["content_vote"]


def test_a_file_only_the_city_has_is_added(tmp_path):
    shipped = (SHIPPED / "needs_survey.yaml").read_text(encoding="utf-8")
    key = next(line for line in shipped.splitlines() if line.startswith("key:"))
    write(tmp_path, "city_needs.yaml", shipped.replace(key, "key: city_needs"))
    assert "city_needs" in city_app(tmp_path).extensions["consultation_templates"]


def test_the_ranking_weights_are_city_data(tmp_path):
    assert create_app(TestConfig).extensions["ranking_weights"] == {"age": 30, "willingness": 40,
                                                                   "participation": 30}
    write(tmp_path, "rules/ranking/weights.yaml", "weights: {age: 50, willingness: 30, participation: 20}\n")
    assert city_app(tmp_path).extensions["ranking_weights"] == {"age": 50, "willingness": 30,
                                                               "participation": 20}


@pytest.mark.parametrize("relative, text, named", [
    ("rules/ranking/weights.yaml", "weights: {age: 50, willingness: 30}\n", "missing ['participation']"),
    ("rules/ranking/weights.yaml", "weights: {age: 50, willingness: 30, participation: 20, size: 5}\n",
     "weights"),
    ("willingness_survey.yaml", "key: willingness_survey\n", "willingness_survey.yaml"),
])
def test_a_broken_city_file_stops_the_start_naming_it(tmp_path, relative, text, named):
    path = write(tmp_path, relative, text)
    with pytest.raises(DataFileError) as error:
        city_app(tmp_path)
    assert str(path) in str(error.value) and named in str(error.value), str(error.value)
