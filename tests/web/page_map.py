"""Which page calls which API operation: the helpers of the page-map tests.

A table maps an operation ("METHOD /api/v1/path/{param}", as in the OpenAPI document) to
where a page calls it:
- a file path (a template or a script under app/web): the file must contain the path, its
  parameters aside (`/api/v1/proxies/{proxy_id}/revoke` matches both
  `"/api/v1/proxies/" + p.id + "/revoke"` and `/api/v1/proxies/{{ p.id }}/revoke`);
- `Rendered(page, page_call, api, api_call)`: a server-rendered page reads the same thing
  through the same service as the API route (each file must contain its call).

tests/web/test_page_map.py holds the resident table; the committee and staff pages keep
their own table in their own test file and call the same `problems()`.
"""
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
METHODS = ("get", "post", "put", "patch", "delete")
#: how far apart the literal parts of one call may be (a script concatenates ids)
WINDOW = 160


@dataclass(frozen=True)
class Rendered:
    """A page rendered on the server from the same service the API route calls."""
    page: str       # the page's module or template, e.g. "app/web/routes.py"
    page_call: str  # what it calls there, e.g. "case_views.case_view("
    api: str        # the route module (or the view it returns), e.g. "app/cases/routes.py"
    api_call: str   # what the route calls, e.g. "views.case_view("


@cache
def spec_operations() -> frozenset[str]:
    """Every operation of the OpenAPI document, as "METHOD /path"."""
    from app import create_app
    from app.config import TestConfig

    app = create_app(TestConfig())
    spec = app.test_client().get("/api/v1/openapi.json").json
    return frozenset(f"{method.upper()} {path}" for path, operations in spec["paths"].items()
                     for method in operations if method in METHODS)


def literal_parts(path: str) -> list[str]:
    return [part for part in re.split(r"\{[^}]+\}", path) if part]


def calls(text: str, path: str) -> bool:
    """Whether `text` contains the path's literal parts in order, each close to the last."""
    parts = literal_parts(path)
    for start in [m.start() for m in re.finditer(re.escape(parts[0]), text)]:
        at, ok = start + len(parts[0]), True
        for part in parts[1:]:
            found = text.find(part, at, at + WINDOW + len(part))
            if found < 0:
                ok = False
                break
            at = found + len(part)
        if ok:
            return True
    return False


def problems(table: dict[str, object]) -> list[str]:
    """What is wrong with a table: unknown operations, and pages that do not make the call."""
    found = []
    for operation, where in table.items():
        if operation not in spec_operations():
            found.append(f"{operation}: not an operation of the API")
            continue
        path = operation.split(" ", 1)[1]
        if isinstance(where, Rendered):
            for source, call in ((where.page, where.page_call), (where.api, where.api_call)):
                if call not in (ROOT / source).read_text():
                    found.append(f"{operation}: {source} does not call {call}")
        elif not calls((ROOT / where).read_text(), path):
            found.append(f"{operation}: {where} does not call {path}")
    return found
