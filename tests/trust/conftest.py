"""The load and crash tests run on PostgreSQL only.

SQLite serialises every write, so many clients at once prove nothing there. Those
tests carry the `postgresql_only` mark and use a PostgreSQL server whatever --db
says; with --db=sqlite they are deselected (reported as such), not skipped.
"""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgresql_only: runs against PostgreSQL only; deselected by --db=sqlite")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--db") != "sqlite":
        return
    kept, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker("postgresql_only") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
