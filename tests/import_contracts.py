"""A custom import-linter contract: every package of app/ is entered through its front door.

`.importlinter` names it (`contract_types = front_door: tests.import_contracts.FrontDoorContract`);
`lint-imports`, run from the repository root, and tests/test_layers.py check it.
"""
from importlinter import Contract, ContractCheck, fields, output
from importlinter.domain import helpers


class FrontDoorContract(Contract):
    """Modules outside a package import only its front door module (`<package>.api`).

    Options:
        - packages:  the packages that have a front door (module expressions, `app.*` for all).
        - importers: the packages whose imports are checked (`app`, `tests`, `bench`).
        - door:      the name of the front door module (default `api`).
    A package's own modules import each other directly; the rule is for the rest of the code.
    """

    type_name = "front_door"

    packages = fields.ListField(subfield=fields.ModuleExpressionField())
    importers = fields.ListField(subfield=fields.StringField())
    door = fields.StringField(required=False, default="api")

    def check(self, graph, verbose: bool) -> ContractCheck:
        importers = {m for root in self.importers for m in graph.modules
                     if m == root or m.startswith(root + ".")}
        illegal = []
        for package in sorted(m.name for m in helpers.module_expressions_to_modules(
                graph, self.packages)):
            inside = graph.find_descendants(package)
            if not inside:
                continue  # a plain module (app/db.py): nothing behind a door
            door = f"{package}.{self.door}"
            has_door = door in inside
            inside = inside | {package}
            for imported in sorted(inside - {door}):
                for importer in sorted(graph.find_modules_that_directly_import(imported)
                                       & importers - inside):
                    lines = tuple(d["line_number"] for d in graph.get_import_details(
                        importer=importer, imported=imported))
                    illegal.append({"importer": importer, "imported": imported, "door": door,
                                    "has_door": has_door, "lines": lines})
        return ContractCheck(kept=not illegal, metadata={"illegal": illegal})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for link in check.metadata["illegal"]:
            lines = ", ".join(map(str, link["lines"]))
            advice = (f"import it from {link['door']} (add the name there if it is missing)"
                      if link["has_door"] else f"give the package a front door, {link['door']}")
            output.print_error(f"- {link['importer']} (l.{lines}) imports {link['imported']}: "
                               f"{advice}", bold=False)
            output.new_line()
