"""GET /read-aloud/<page path>: that page's main text, as this person sees it, as MP3."""
from flask import Blueprint, current_app, request, send_file
from werkzeug.test import EnvironBuilder, run_wsgi_app

from app.errors import NotFound
from app.extensions import limit_from_config
from app.readaloud import messages
from app.readaloud.api_routes import serve_audio
from app.readaloud.extract import spoken_text
from app.readaloud.synth import audio_for

bp = Blueprint("readaloud", __name__)

#: paths that are not pages a person reads (and read-aloud itself; one-time links, which
#: a render would use up)
NOT_PAGES = ("/read-aloud", "/api/", "/assets/", "/socket.io", "/static/", "/enter/")
#: request headers the inner render sees, so it is the same person, mode and language
PASSED_HEADERS = ("Cookie", "Authorization", "Accept-Language", "User-Agent")


def render_for_requester(path: str) -> str | None:
    """The HTML this app answers the requester at `path`, rendered inside this process with
    their cookie (or token); None for anything but a page shown to them (a 404, a 403, a
    redirect to the login page, a download)."""
    headers = {name: request.headers[name] for name in PASSED_HEADERS if name in request.headers}
    builder = EnvironBuilder(path=path, query_string=request.query_string, base_url=request.host_url,
                             headers={**headers, "Accept": "text/html"},
                             environ_base={"REMOTE_ADDR": request.remote_addr or "127.0.0.1"})
    app = current_app._get_current_object()
    with app.app_context():  # its own g and database session, closed when done
        body, status, response_headers = run_wsgi_app(app.wsgi_app, builder.get_environ(), buffered=True)
        html = b"".join(body)
        if hasattr(body, "close"):
            body.close()
    if not status.startswith("200") or not response_headers.get("Content-Type", "").startswith("text/html"):
        return None
    return html.decode("utf-8", errors="replace")


@bp.get("/read-aloud/audio/<key>.mp3")
def audio(key: str):
    return serve_audio(key)


@bp.get("/read-aloud/", defaults={"page": ""})
@bp.get("/read-aloud/<path:page>")
@limit_from_config("RATELIMIT_READ_ALOUD_PER_USER", per_user=True, methods=("GET",))
def read_aloud(page: str):
    path = "/" + page
    html = None if path.startswith(NOT_PAGES) else render_for_requester(path)
    text = spoken_text(html) if html else ""
    if not text.strip():
        raise NotFound(messages.NOTHING_TO_READ, code="nothing_to_read")
    audio, key = audio_for(text)
    response = send_file(audio, mimetype="audio/mpeg", etag=key, conditional=True, max_age=0)
    response.headers["Cache-Control"] = "private, no-cache"  # it is this person's view of the page
    response.vary.add("Cookie")
    return response
