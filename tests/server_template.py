"""A warm process that forks the suite's gunicorn servers (`python -m tests.server_template`).

Starting a server as a fresh process cost some 2 CPU-seconds, half of it importing the
libraries a worker needs (Flask, SQLAlchemy, Socket.IO, reportlab, OpenCV ...), and the
suite starts about 350. This process pays that once per test worker: it patches with
gevent first (as the gevent worker does), imports every library a worker imports but
none of app/ (app/config.py and app/offload.py read the environment when imported, and
each server has its own), then waits for requests on stdin, one JSON object a line:

    {"op": "start", "argv": [...], "env": {...}, "cwd": "...", "log": "..."} -> {"pid": n}
    {"op": "poll", "pid": n} -> {"returncode": null | int}

A started server is a gunicorn master in a session of its own, its output in `log`;
it imports app/ and builds the app itself, as a server started from a shell does.
When stdin closes (the test worker ended) every server still running is killed.
"""
import gevent.monkey

gevent.monkey.patch_all()

import importlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402

_fork = gevent.monkey.get_original("os", "fork")
_waitpid = gevent.monkey.get_original("os", "waitpid")

#: modules a server imports from this repository (never imported here: see the docstring)
OWN = ("app", "wsgi", "tests", "__main__", "__mp_main__")


def modules_a_worker_imports() -> list[str]:
    """The modules a server's worker has loaded once its app is built, in load order:
    found by building the app in a throwaway child, so the list follows the code."""
    read, write = os.pipe()
    pid = _fork()
    if pid == 0:
        code = 1
        try:
            os.close(read)
            os.environ.update(SECRET_KEY="x" * 48, DATABASE_URL="sqlite://", HEAVY_WARM_UP="0",
                              PUBLIC_BASE_URL="http://127.0.0.1:5000", SMS_BACKEND="console")
            import wsgi  # noqa: F401
            with os.fdopen(write, "w") as out:
                out.write("\n".join(sys.modules))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read) as answer:
        names = answer.read().split("\n")
    _waitpid(pid, 0)
    return names


def warm_up() -> None:
    for name in modules_a_worker_imports():
        if name in sys.modules or name.split(".")[0] in OWN:
            continue
        try:
            importlib.import_module(name)
        except Exception:  # an alias or a module that only imports as part of another
            pass


def start(argv: list[str], env: dict, cwd: str, log: str) -> int:
    sys.stdout.flush()
    pid = _fork()
    if pid:
        return pid
    code = 1
    try:
        os.setsid()
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.close(out)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        sys.argv = list(argv)
        from gunicorn.app.wsgiapp import run
        run()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def poll(pid: int, finished: dict) -> int | None:
    if pid not in finished:
        try:
            done, status = _waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return -1
        if done == 0:
            return None
        finished[pid] = os.waitstatus_to_exitcode(status)
    return finished[pid]


def main() -> None:
    warm_up()
    started, finished = [], {}
    reply = sys.stdout
    reply.write(json.dumps({"ready": True}) + "\n")
    reply.flush()
    for line in sys.stdin:
        request = json.loads(line)
        if request["op"] == "start":
            pid = start(request["argv"], request["env"], request["cwd"], request["log"])
            started.append(pid)
            answer = {"pid": pid}
        else:
            answer = {"returncode": poll(request["pid"], finished)}
        reply.write(json.dumps(answer) + "\n")
        reply.flush()
    for pid in started:  # the test worker is gone: leave no server behind
        if poll(pid, finished) is None:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _waitpid(pid, 0)


if __name__ == "__main__":
    main()
