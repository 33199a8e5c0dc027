"""The layering of app/ as a contract: arrows point down, no circles, pages run no SQL.

The contracts live in `.importlinter` at the repository root (import-linter, which
builds its graph with grimp; imports inside functions count). `lint-imports` runs
them by hand; these tests run them in the suite, and prove they bite.
"""
import copy
import re
import subprocess
import sys
from pathlib import Path

import grimp
import pytest
from importlinter import configuration
from importlinter.application import use_cases
from importlinter.domain.contract import registry

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".importlinter"

#: page modules that still run SQL themselves; everything else in app/web calls services
WEB_SQL_PENDING: set[str] = set()


@pytest.fixture(scope="module")
def built_graph():
    return grimp.build_graph("app", include_external_packages=True, cache_dir=None)


@pytest.fixture
def graph(built_graph):
    """The import graph of app/, this test's own copy to change."""
    return copy.deepcopy(built_graph)


def broken_contracts(graph) -> dict[str, dict]:
    """Check every contract of .importlinter against `graph`: {name: metadata} of the broken."""
    configuration.configure()
    options = use_cases.read_user_options(str(CONFIG))
    use_cases._register_contract_types(options)
    broken = {}
    for contract_options in options.contracts_options:
        contract = registry.get_contract_class(contract_options["type"])(
            name=contract_options["name"], session_options=options.session_options,
            contract_options=contract_options)
        check = contract.check(copy.deepcopy(graph), verbose=False)
        if not check.kept:
            broken[contract_options["type"]] = check.metadata
    return broken


def test_the_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--config", str(CONFIG), "--no-cache"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_an_upward_import_breaks_the_layers(graph):
    graph.add_import(importer="app.auth.permissions", imported="app.estates.models",
                     line_number=1, line_contents="from app.estates.models import FlatLink")
    assert "layers" in broken_contracts(graph)


def test_a_circle_breaks_the_acyclic_contract(graph):
    graph.add_import(importer="app.web.routes", imported="app.web.home",
                     line_number=1, line_contents="from app.web.home import home")
    assert "acyclic_siblings" in broken_contracts(graph)


def _cycles(nodes, successors) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(successors(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(successors(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_module_imports_itself_round_a_circle(graph):
    """The same as the acyclic contract, module by module, printing each circle found."""
    modules = {m for m in graph.modules if m == "app" or m.startswith("app.")}
    cycles = _cycles(modules, lambda m: {i for i in graph.find_modules_directly_imported_by(m)
                                         if i.startswith("app.")})
    assert not cycles, "import circles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_no_two_way_dependency_between_the_packages_of_app(graph):
    def package(module):
        return ".".join(module.split(".")[:2])

    packages = {package(m) for m in graph.modules if m.startswith("app.")}
    cycles = _cycles(packages, lambda p: {package(i) for m in graph.modules
                                          if package(m) == p and m.startswith("app.")
                                          for i in graph.find_modules_directly_imported_by(m)
                                          if i.startswith("app.") and package(i) != p})
    assert not cycles, "package circles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_pages_call_services_not_sql():
    """Page modules reach data through the domains' services and access helpers."""
    offenders = []
    for path in sorted((ROOT / "app" / "web").glob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in WEB_SQL_PENDING:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bdb\.session\b|^\s*(from|import) sqlalchemy\b|\bselect\(", line):
                offenders.append(f"{name}:{number}: {line.strip()}")
    assert not offenders, "SQL in page modules:\n" + "\n".join(offenders)


def test_an_import_past_a_front_door_breaks_the_front_door_contract(graph):
    graph.add_import(importer="app.web.consultations", imported="app.consultations.tally",
                     line_number=1, line_contents="from app.consultations.tally import results")
    assert "front_door" in broken_contracts(graph)


def test_an_import_of_a_package_without_a_front_door_breaks_the_contract(graph):
    graph.add_import(importer="app.web.home", imported="app.system.metrics",
                     line_number=1, line_contents="from app.system.metrics import x")
    assert "front_door" in broken_contracts(graph)


def test_a_package_imports_its_own_modules_directly(graph):
    graph.add_import(importer="app.consultations.routes", imported="app.consultations.tally",
                     line_number=1, line_contents="from app.consultations.tally import results")
    assert "front_door" not in broken_contracts(graph)


def test_the_contracts_list_no_exceptions_and_every_package_has_a_door():
    text = CONFIG.read_text(encoding="utf-8")
    assert "ignore_imports" not in text
    section = text.split("[importlinter:contract:front-doors]")[1]
    assert re.search(r"^packages =\n    app\.\*$", section, re.M), "the front doors cover app.*"
