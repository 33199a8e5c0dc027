"""Browser tests: Playwright driving Debian's Chromium against a real gunicorn server.

Every page a test opens is watched: a request to anywhere but the test server
fails the test (the pages must work where foreign CDNs are blocked).
Screenshots go to tests/screenshots/ (see the README).
"""
import os
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
from playwright.sync_api import sync_playwright

from tests.live import run_flask

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VENDOR_JS = ROOT / "app" / "web" / "static" / "vendor" / "socket.io.min.js"


@pytest.fixture(scope="session")
def socketio_client_js():
    """The Socket.IO browser client the pages serve; fetched by the Makefile step if missing."""
    if not VENDOR_JS.exists():
        subprocess.run(["make", "-s", "vendor"], cwd=ROOT, check=True)
    return VENDOR_JS


@pytest.fixture(scope="session")
def browser(socketio_client_js):
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Site:
    """A live server with the demo estate loaded, and helpers to drive it."""

    def __init__(self, server):
        self.server = server
        self.url = server.url

    def flask(self, *args) -> str:
        return run_flask(self.server.env, *args)

    def project_reached(self, project_id: int, phase: str) -> None:
        """Set-up: the project is at `phase` (its guards are walked through the API in
        tests/projects/test_coplan_walk.py; a browser test need not repeat them)."""
        import sqlalchemy

        engine = sqlalchemy.create_engine(self.server.database_url)
        with engine.begin() as connection:
            connection.execute(sqlalchemy.text("UPDATE renovation_projects SET phase = :phase "
                                               "WHERE id = :id"), {"phase": phase, "id": project_id})
        engine.dispose()

    def latest_code(self, phone: str) -> str:
        sent = requests.get(f"{self.url}/api/v1/dev/sms-outbox", params={"phone": phone}).json()
        return sent[0]["code"]

    def api_login(self, phone: str) -> dict:
        """Bearer headers for setting things up through the API, as a client would."""
        assert requests.post(f"{self.url}/api/v1/auth/sms-codes", json={"phone": phone}).status_code == 202
        token = requests.post(f"{self.url}/api/v1/auth/tokens",
                              json={"phone": phone, "code": self.latest_code(phone)})
        assert token.status_code == 201, token.text
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        asked = requests.get(f"{self.url}/api/v1/me/consents", headers=headers).json()["required"][0]
        if not asked["agreed"]:  # a first login: agree to the processing rules, as the app asks
            assert requests.post(f"{self.url}/api/v1/me/consents", headers=headers, json={
                "kind": "rules", "version": asked["version"]}).status_code == 201
        return headers


def demo_site(start_server, databases, backend: str) -> Site:
    """A fresh server on a fresh copy of a database `flask demo load` filled (once per
    backend and test process: tests/conftest.py `Databases.demo`)."""
    return Site(start_server(backend, database_url=databases.demo(backend)))


@pytest.fixture
def site(start_server, databases, backend):
    """A server with the demo estate (和平里小区) on each database (`--db` chooses):
    the end-to-end journeys run on PostgreSQL as in production, and on SQLite."""
    return demo_site(start_server, databases, backend)


@pytest.fixture
def sqlite_site(start_server, databases):
    """The demo estate on SQLite only: for what looks the same whatever the database
    (elder mode's sizes and contrast)."""
    return demo_site(start_server, databases, "sqlite")


@pytest.fixture
def open_context(browser):
    """Factory for browser contexts whose every request is checked to stay on 127.0.0.1."""
    contexts, outside, errors = [], [], []

    def watch_request(request):
        url = request.url
        if not (url.startswith("http://127.0.0.1:") or url.startswith("ws://127.0.0.1:")
                or url.startswith("data:") or url.startswith("blob:")):
            outside.append(url)

    def watch_page(page):
        page.on("websocket", watch_request)
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        # an API refusal (4xx) is shown to the person and logged by the browser: not a bug
        page.on("console", lambda message: message.type == "error" and not message.text.startswith(
            "Failed to load resource: the server responded with a status of 4") and errors.append(
            f"{page.url}: {message.text}"))

    def open_(viewport=PHONE, **options):
        context = browser.new_context(viewport=viewport, locale="zh-CN", **options)
        context.on("request", watch_request)
        context.on("page", lambda page: watch_page(page))
        contexts.append(context)
        return context

    yield open_
    for context in contexts:
        context.close()
    assert outside == [], f"pages asked for resources outside the app: {outside}"
    assert errors == [], f"errors in the pages: {errors}"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot once a run; written aside and moved into place, so the same
    journey on the other database (another pytest-xdist worker) never leaves half a file."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # The journeys run on both databases and draw the same page: one picture a run is what
    # a person looks at, and a full-page screenshot costs the browser a second of CPU.
    if path.exists() and path.stat().st_mtime >= float(os.environ.get("GZ_TEST_RUN_STARTED", "inf")):
        return path
    partial = SCREENSHOTS / f".{name}.{os.getpid()}.png"
    page.screenshot(path=str(partial), full_page=True)
    os.replace(partial, path)
    return path


def login(page, site: Site, phone: str, start: str = "/"):
    """Log in through the login page, reading the code from the console outbox."""
    page.goto(f"{site.url}/login?next={start}")
    enter_code(page, site, phone)


def enter_code(page, site: Site, phone: str):
    """On the login page: ask for a code, read it from the outbox, log in."""
    page.fill("#phone", phone)
    page.click("#send-code")
    page.wait_for_selector("#code-step:not([hidden])")
    page.fill("#code", site.latest_code(phone))
    page.click("#login-button")
    page.wait_for_url(lambda url: "/login" not in url)
    agree_if_asked(page)


def agree_if_asked(page):
    """At a first login the consent page comes before anything else: agree, as people do
    (tests/web/test_browser_consent.py tests the page itself)."""
    page.wait_for_load_state()
    if "/consent" in page.url:
        with page.expect_navigation():
            page.click("#consent-agree")


def page_api(page, method: str, path: str, body=None):
    """Call the API as the page's script does: its cookie session and CSRF token."""
    csrf = page.get_attribute('meta[name="csrf-token"]', "content")
    return page.request.fetch(urljoin(page.url, path), method=method, data=body,
                              headers={"X-CSRF-Token": csrf})


def follow(page, selector: str):
    """Tap a link and wait until the next page has loaded (its scripts are wired up)."""
    with page.expect_navigation():
        page.click(selector)


def next_step(page):
    """A ballot in steps (vote_steps.js): on to the next step, or to the review after the last."""
    page.click("#ballot-form .step-nav button.primary")


def submit_ballot(page):
    """Through the remaining steps to the review, then confirm (a one-question ballot has
    neither: its button submits at once). Waits for the page that answers the post."""
    while page.locator("#ballot-form .step-nav button.primary").is_visible():
        next_step(page)
    with page.expect_navigation():
        page.click("#ballot-form button[type=submit]")


def confirm(page, selector: str):
    """Tap a console button that asks first (data-confirm), and say yes in its dialog."""
    page.click(selector)
    page.wait_for_selector("#confirm-dialog[open]")
    page.click("#confirm-ok")


def console_nav(page, label: str):
    """Go to a console section: open its task's menu in the nav, then tap the section."""
    link = page.locator(f"nav.console-nav a:has-text('{label}')")
    group = link.locator("xpath=ancestor::details[1]")
    if group.count() and not group.evaluate("d => d.open"):
        group.locator("summary").click()
    with page.expect_navigation():
        link.click()
