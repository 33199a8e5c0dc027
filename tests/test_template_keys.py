"""No code outside the consultations domain branches on a template key: templates say what
their results mean (`result:` in data) and the consultations domain reads it. Passing a key
as data (to create a consultation, to filter a list, to look up a label) is fine."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
OWNER = APP / "consultations"


def _mentions_key(node: ast.AST) -> bool:
    return any((isinstance(n, ast.Attribute) and n.attr == "template_key")
               or (isinstance(n, ast.Name) and n.id == "template_key") for n in ast.walk(node))


def branching(tree: ast.AST) -> list[int]:
    """Lines where a template key is compared, tested, matched or filtered on."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and _mentions_key(node):
            lines.append(node.lineno)
        elif isinstance(node, (ast.If, ast.IfExp, ast.While, ast.Assert)) and _mentions_key(node.test):
            lines.append(node.lineno)
        elif isinstance(node, ast.Match) and _mentions_key(node.subject):
            lines.append(node.lineno)
        elif isinstance(node, ast.BoolOp) and _mentions_key(node):
            lines.append(node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("in_", "get", "notin_", "is_", "isnot", "startswith")
              and (_mentions_key(node.func.value) or any(_mentions_key(a) for a in node.args))):
            lines.append(node.lineno)
    return sorted(set(lines))


def test_the_check_finds_branching():
    source = """
if c.template_key == "elevator_consent":
    pass
x = A if c.template_key in CHOICES else None
key = QUESTIONS.get(c.template_key)
q = select(C).where(C.template_key.in_(["a"]))
label = LABELS[c.template_key]
create(estate_id, template_key=key)
"""
    assert branching(ast.parse(source)) == [2, 4, 5, 6]


def test_no_code_outside_consultations_branches_on_a_template_key():
    found = []
    for path in sorted(APP.rglob("*.py")):
        if OWNER in path.parents:
            continue
        for line in branching(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(ROOT).as_posix()}:{line}")
    assert not found, "branching on a template key outside app/consultations:\n" + "\n".join(found)
