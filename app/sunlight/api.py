"""The front door of app.sunlight: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.sunlight import analysis, charts, geometry, messages, services, solar, standards, text
from app.sunlight.access import readable
from app.sunlight.analysis import run, Settings
from app.sunlight.models import SunlightAnalysis
from app.sunlight.schemas import MAX_VERTICES, MAX_WORK, SunlightInSchema

__all__ = [
    "analysis", "charts", "geometry", "MAX_VERTICES", "MAX_WORK", "messages", "readable", "run",
    "services", "Settings", "solar", "standards", "SunlightAnalysis", "SunlightInSchema", "text",
]
