"""The front door of app.realtime: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.realtime import messages
from app.realtime.coalesce import MemoryMarks, RedisMarks, TallyCoalescer
from app.realtime.events import send_tally
from app.realtime.outage import RedisHealth

__all__ = [
    "MemoryMarks", "messages", "RedisHealth", "RedisMarks", "send_tally", "TallyCoalescer",
]
