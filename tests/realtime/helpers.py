"""A real python-socketio client (websocket transport) and a seeded database for live servers."""
import threading
import time
from contextlib import contextmanager

import socketio

from app import create_app
from app.extensions import db
from tests.conftest import make_config
from tests.live import TEST_SECRET

EVENTS = ("tally", "consultation_status", "post", "post_hidden", "post_edited", "case_meeting",
          "case_resolution", "elevator_stage", "progress")


class LiveClient:
    """Connects to a live server and records every event it receives, with the time."""

    def __init__(self, url: str, token: str | None, origin: str | None = None):
        # websocket-client sends Origin: <the server's own URL> unless told otherwise
        self.client = socketio.Client(
            reconnection=False, websocket_extra_options={"origin": origin} if origin else {})
        self.received: list[tuple[float, str, dict]] = []
        self.connect_error = None
        self._changed = threading.Condition()
        for event in EVENTS:
            self.client.on(event, self._recorder(event))
        self.client.on("connect_error", self._refused)
        auth = {"token": token} if token is not None else None
        self.connected = True
        try:
            self.client.connect(url, auth=auth, transports=["websocket"],
                                wait_timeout=15)
        except socketio.exceptions.ConnectionError as error:
            self.connected = False
            self.connect_error = self.connect_error or str(error)

    def _recorder(self, event):
        def record(data):
            with self._changed:
                self.received.append((time.monotonic(), event, data))
                self._changed.notify_all()
        return record

    def _refused(self, data):
        self.connect_error = data

    def subscribe(self, room: str) -> dict:
        return self.client.call("subscribe", {"room": room}, timeout=15)

    def events(self, name: str) -> list[dict]:
        with self._changed:
            return [data for _, event, data in self.received if event == name]

    def wait_for(self, name: str, predicate=lambda data: True, timeout_s: float = 15):
        """The first `name` event matching `predicate`, or None after timeout_s."""
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                for _, event, data in self.received:
                    if event == name and predicate(data):
                        return data
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._changed.wait(left)

    def close(self):
        if self.client.connected:
            self.client.disconnect()


@contextmanager
def seeding(database_url: str):
    """An app context on a live server's database, to set up data with the factories."""
    app = create_app(make_config(database_url, SECRET_KEY=TEST_SECRET))
    with app.app_context():
        try:
            yield app
        finally:
            db.session.remove()
            db.engine.dispose()


class RedisProcess:
    """A redis-server of the test's own, on a spare port in a temp dir (never the shared one)."""

    def __init__(self, directory, port: int | None = None):
        from tests.live import free_port

        self.directory = directory
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> "RedisProcess":
        import subprocess

        import redis

        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                if redis.Redis.from_url(self.url, socket_connect_timeout=0.5).ping():
                    return self
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        """SIGKILL this redis-server only (by its own pid)."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def post_progress(server_url: str, token: str, project_id: int, body: str):
    import requests

    return requests.post(f"{server_url}/api/v1/projects/{project_id}/progress",
                         data={"body": body}, headers={"Authorization": f"Bearer {token}"},
                         timeout=30)


def vote(server_url: str, token: str, consultation_id: int, choice: str = "agree") -> dict:
    """Casts the owner's elevator-consent ballot over HTTP; the receipt view."""
    import requests

    response = requests.put(f"{server_url}/api/v1/consultations/{consultation_id}/ballots/mine",
                            json={"answers": {"install": choice}},
                            headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def agreeing_owners(tally: dict) -> int:
    return tally["questions"][0]["options"]["agree"]["owners"]


def http_results(server_url: str, token: str, consultation_id: int) -> dict:
    import requests

    response = requests.get(f"{server_url}/api/v1/consultations/{consultation_id}/results",
                            headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()
