"""Logs: plain lines for a developer, or one JSON object a line (LOG_FORMAT=json) for a
deployment's collector; each request carries an id (header X-Request-Id, in and out)
that every line written while serving it repeats, and ends with one access line."""
import json
import logging
import re
import time
import uuid
from datetime import datetime, timezone

from flask import g, has_request_context, request

REQUEST_ID_HEADER = "X-Request-Id"
#: an id a proxy (nginx's $request_id) sent is kept if it looks like one; else a new one
GOOD_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
access_log = logging.getLogger("app.access")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record ("-" outside a request)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = (g.get("request_id", "-") if has_request_context() else "-")
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id,
    the extra fields a caller passed, and the traceback of an exception."""

    STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}

    def format(self, record):
        entry = {"time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(),
                 "level": record.levelname, "logger": record.name,
                 "message": record.getMessage(),
                 "request_id": getattr(record, "request_id", "-")}
        entry.update({key: value for key, value in vars(record).items()
                      if key not in self.STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(app) -> None:
    """The root logger's one handler, formatted as LOG_FORMAT says, at LOG_LEVEL."""
    if app.config["LOG_FORMAT"] not in ("text", "json"):
        raise RuntimeError(f"LOG_FORMAT must be 'text' or 'json', not {app.config['LOG_FORMAT']!r}")
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    json_lines = app.config["LOG_FORMAT"] == "json"
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_gongzhi", False)]:
        root.removeHandler(old)
    handler._gongzhi = True
    root.addHandler(handler)
    root.setLevel(app.config["LOG_LEVEL"])
    app.before_request(_start_request)
    app.after_request(_finish_request)


def _start_request():
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if GOOD_REQUEST_ID.match(given) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish_request(response):
    request_id = g.get("request_id")
    if request_id is None:  # a request refused before it began (never seen, but be safe)
        return response
    response.headers[REQUEST_ID_HEADER] = request_id
    access_log.info("%s %s %s", request.method, request.path, response.status_code, extra={
        "method": request.method, "path": request.path, "status": response.status_code,
        "duration_ms": round((time.perf_counter() - g.request_started) * 1000, 1)})
    return response
