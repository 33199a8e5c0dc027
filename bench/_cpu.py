"""CPU seconds spent by each party of a load run: the server processes, the PostgreSQL
backends serving its database, and the load generator (which reports its own).

Read from /proc (Linux): user + system time of each process. A share of a party's CPU
per request says what bounds a run on a machine of few cores, where the servers,
PostgreSQL and the load generator all compete for the same cores.
"""
import os

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of one live process (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def group(pgid: int) -> list[int]:
    """The processes of a process group (a gunicorn master and its workers)."""
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if os.getpgid(int(name)) == pgid:
                    pids.append(int(name))
            except (ProcessLookupError, PermissionError):
                continue
    return pids


def backends(database_url: str) -> list[int]:
    """The PostgreSQL backend processes connected to the database of that URL."""
    import psycopg

    from bench._databases import PG_ADMIN_URL

    if not database_url.startswith("postgresql"):
        return []
    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        return [pid for (pid,) in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", (name,))]


class Meter:
    """CPU of the servers' processes and of the database's backends between start() and
    stop(). Backends that connect during the run count from 0 (their whole life); those that
    end before stop() are not counted at all (a pool that closes and reopens connections
    under load shows less PostgreSQL CPU than it cost)."""

    def __init__(self, server_groups: list[int], database_url: str):
        self.server_groups, self.database_url = server_groups, database_url

    def _servers(self) -> dict[int, float]:
        return {pid: cpu_seconds(pid) for pgid in self.server_groups for pid in group(pgid)}

    def _backends(self) -> dict[int, float]:
        return {pid: cpu_seconds(pid) for pid in backends(self.database_url)}

    def start(self) -> "Meter":
        self.servers_before, self.backends_before = self._servers(), self._backends()
        return self

    def stop(self) -> dict:
        servers, backends_now = self._servers(), self._backends()
        return {
            "server_s": sum(now - self.servers_before.get(pid, 0.0) for pid, now in servers.items()),
            "database_s": sum(now - self.backends_before.get(pid, 0.0)
                              for pid, now in backends_now.items()),
        }
