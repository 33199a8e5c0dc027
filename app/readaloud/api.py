"""The front door of app.readaloud: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.readaloud.extract import spoken_text
from app.readaloud.speech_text import integer, speakable
from app.readaloud.synth import cache_path

__all__ = [
    "cache_path", "integer", "speakable", "spoken_text",
]
