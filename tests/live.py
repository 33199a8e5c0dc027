"""Real server processes for tests: gunicorn + gevent, as in production.

Use the `start_server` fixture (tests/conftest.py):

    server = start_server("postgresql", REDIS_URL="redis://127.0.0.1:6379/0")
    requests.get(server.url + "/api/v1/health")

Each server gets its own freshly migrated database unless `database_url` is given,
so two servers can share one database (several processes behind a balancer).

A server is forked by this test process's server template (tests/server_template.py),
which has the libraries already imported: a start costs about half the CPU of a fresh
process. The server itself (gunicorn master, gevent worker, app/ and its settings) is
built from its own environment, as one started from a shell.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
TEST_SECRET = "live-test-secret-key-0123456789abcdef"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve_wsgi(wsgi_app):
    """Serve a small WSGI app (a fake of an outside service) on a free port, in a thread.

    Yields its base URL, e.g. http://127.0.0.1:40123.
    """
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def server_env(database_url: str, public_url: str, **env) -> dict:
    """The environment of a test server process (and of `flask` commands run beside it)."""
    merged = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": TEST_SECRET,
              "SMS_BACKEND": "console", "PUBLIC_BASE_URL": public_url,
              "RATELIMIT_ENABLED": "0", "HEAVY_WARM_UP": "0",  # most never see heavy work
              **{k: str(v) for k, v in env.items()}}
    if "REDIS_URL" not in env:
        merged.pop("REDIS_URL", None)
    return merged


def run_flask(env: dict, *args) -> str:
    """Run `flask <args>` as an operator would, with a server's environment; its output."""
    flask = Path(sys.executable).with_name("flask")
    done = subprocess.run([str(flask), *args], cwd=ROOT, capture_output=True, text=True,
                          env={**env, "FLASK_APP": "wsgi.py"})
    assert done.returncode == 0, done.stderr
    return done.stdout


class Forked:
    """A server forked by the template (tests/server_template.py): what the tests use of
    a Popen (pid, poll, wait; a server runs in a session of its own, so pid is its group)."""

    def __init__(self, template: "Template", pid: int):
        self.template, self.pid, self.returncode = template, pid, None

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self.template.ask({"op": "poll", "pid": self.pid})["returncode"]
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"server {self.pid}", timeout)
            time.sleep(0.02)
        return self.returncode

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class Template:
    """This test process's server template: started at its first server, ended with it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.server_template"], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, bufsize=1)
        ready = self.process.stdout.readline()
        if not ready:
            raise RuntimeError("the server template did not start")

    def ask(self, request: dict) -> dict:
        with self.lock:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the server template has ended")
        return json.loads(answer)

    def start(self, argv: list[str], *, env: dict, cwd: Path, log: Path) -> Forked:
        answer = self.ask({"op": "start", "argv": argv, "env": env, "cwd": str(cwd), "log": str(log)})
        return Forked(self, answer["pid"])


_template: Template | None = None


def template() -> Template:
    global _template
    if _template is None or _template.process.poll() is not None:
        _template = Template()
    return _template


class LiveServer:
    def __init__(self, database_url: str, port: int | None = None, args: tuple = (), **env):
        self.database_url = database_url
        self.args = tuple(args)  # more gunicorn options, e.g. --reuse-port
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = server_env(database_url, self.url, **env)
        self.process = None
        self.log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"gongzhi-live-{self.port}-{id(self)}.log"

    def start(self, timeout_s: float = 30) -> "LiveServer":
        self.process = template().start(
            ["gunicorn", "-k", "gevent", "-w", "1", "--worker-connections", "10000",
             "--no-control-socket", "-b", f"127.0.0.1:{self.port}", "--graceful-timeout", "2",
             *self.args, "wsgi:app"], env=self.env, cwd=ROOT, log=self.log_path)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log_path.read_text()[-3000:]}")
            try:
                if requests.get(self.url + "/api/v1/health", timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start:\n{self.log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the whole process group, as a crash would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")
