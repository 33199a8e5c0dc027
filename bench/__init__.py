"""Benchmarks: each module prints its figures; `make bench` runs them all (`python -m bench`)."""

COLUMNS = ("benchmark", "value", "baseline", "ratio", "goal", "met")


def table(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        cells = [str(row.get(c, "")) if c != "met" else ("yes" if row.get("met") else "NO")
                 for c in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def print_rows(rows: list[dict]) -> list[dict]:
    """A module run on its own (`python -m bench.NAME`) prints its rows as the table does."""
    print(table(rows), flush=True)
    return rows
