"""One domain error type, mapped to the one JSON error shape in one place.

Every error answers `{"error": {"code", "message", "fields"}}` (API.md).
"""
import logging

from flask import jsonify, render_template_string, request
from werkzeug.exceptions import HTTPException

from app.offload import Busy, TimedOut

log = logging.getLogger(__name__)

# Default wording per HTTP status, for errors raised outside our services.
HTTP_MESSAGES = {
    400: ("bad_request", "提交的内容无法读取"),
    401: ("unauthorized", "请先登录"),
    403: ("forbidden", "没有权限做这件事"),
    404: ("not_found", "没有找到"),
    405: ("method_not_allowed", "不支持这种操作"),
    409: ("conflict", "当前状态下不能这样做"),
    413: ("too_large", "文件或内容太大了"),
    415: ("unsupported_media_type", "不支持这种格式"),
    422: ("invalid_input", "填写的内容有误，请检查"),
    429: ("too_many_requests", "操作太频繁，请稍后再试"),
    500: ("server_error", "系统出了点问题，请稍后再试"),
    503: ("unavailable", "服务暂时不可用，请稍后再试"),
}
#: every helper process is busy (app/offload.py): the answer is 503 with Retry-After
BUSY = "现在处理的人多，请 {seconds} 秒后再试"
#: heavy work past its time limit, when its domain says nothing more precise
TIMED_OUT = "内容太复杂，没能在 {seconds} 秒内处理完，请减少内容后再试"


class DomainError(Exception):
    """A refusal a person should read: a status, a stable code and a Chinese message."""

    status = 409
    code = "conflict"
    message = "当前状态下不能这样做"

    def __init__(self, message=None, *, code=None, status=None, fields=None, more=None):
        super().__init__(message or self.message)
        self.message = message or self.message
        self.code = code or self.code
        self.status = status or self.status
        self.fields = fields or {}
        #: what else the error body says (e.g. where to agree, for consent_required)
        self.more = more or {}


class InvalidInput(DomainError):
    status, code, message = 422, "invalid_input", "填写的内容有误，请检查"


class BadRequest(DomainError):
    status, code, message = 400, "bad_request", "提交的内容无法读取"


class Unauthorized(DomainError):
    status, code, message = 401, "unauthorized", "请先登录"


class Forbidden(DomainError):
    status, code, message = 403, "forbidden", "没有权限做这件事"


class NotFound(DomainError):
    status, code, message = 404, "not_found", "没有找到"


class Conflict(DomainError):
    status, code, message = 409, "conflict", "当前状态下不能这样做"


class GuardFailed(Conflict):
    code = "guard_failed"


class TooManyRequests(DomainError):
    status, code, message = 429, "too_many_requests", "操作太频繁，请稍后再试"


class Unavailable(DomainError):
    """A service we depend on (an SMS provider, WeChat) did not answer."""

    status, code, message = 503, "unavailable", "服务暂时不可用，请稍后再试"


def error_body(code, message, fields=None):
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _flatten_messages(messages):
    """webargs nests errors by location ({"json": {"phone": [...]}}); keep the fields."""
    if not isinstance(messages, dict):
        return {"_schema": _join(messages)}
    fields = {}
    for location, errors in messages.items():
        if isinstance(errors, dict):
            for name, value in errors.items():
                fields[name] = _join(value) if not isinstance(value, dict) else _nested(value)
        else:
            fields[location] = _join(errors)
    return fields


def _nested(value):
    return {k: (_nested(v) if isinstance(v, dict) else _join(v)) for k, v in value.items()}


def _join(value):
    if isinstance(value, (list, tuple)):
        return "；".join(str(v) for v in value)
    return str(value)


def http_error_response(error: HTTPException):
    status = error.code or 500
    code, message = HTTP_MESSAGES.get(status, ("http_error", "请求没有成功"))
    fields = {}
    data = getattr(error, "data", None) or {}
    if status in (400, 422) and data.get("messages"):
        fields = _flatten_messages(data["messages"])
        if status == 400 and "json" in fields:
            fields = {}
    response = jsonify(error_body(code, message, fields))
    response.status_code = status
    for name, value in (data.get("headers") or {}).items():
        response.headers[name] = value
    if status == 429 and getattr(error, "retry_after", None):
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def domain_error_response(error: DomainError):
    body = error_body(error.code, error.message, error.fields)
    body["error"].update(error.more)
    response = jsonify(body)
    response.status_code = error.status
    return response


def wants_html() -> bool:
    return not request.path.startswith("/api/") and request.accept_mimetypes.accept_html


ERROR_PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ message }}</title>
<style nonce="{{ csp_nonce() }}">body{font:20px/1.6 system-ui,sans-serif;margin:2rem;color:#1a1a1a}a{color:#0b57d0}</style>
</head><body><h1>{{ message }}</h1><p><a href="/">返回首页</a></p></body></html>"""


def html_error_page(status: int):
    """A plain Chinese page for people who reach a wrong link in a browser."""
    _, message = HTTP_MESSAGES.get(status, ("http_error", "请求没有成功"))
    return render_template_string(ERROR_PAGE, message=message), status


def register_error_handlers(app):
    from app.extensions import db

    @app.errorhandler(DomainError)
    def _domain(error):
        db.session.rollback()
        return domain_error_response(error)

    @app.errorhandler(Busy)
    def _busy(error):
        db.session.rollback()
        response = domain_error_response(DomainError(
            BUSY.format(seconds=error.retry_after), status=503, code="busy"))
        response.headers["Retry-After"] = str(error.retry_after)
        return response

    @app.errorhandler(TimedOut)
    def _timed_out(error):
        db.session.rollback()
        return domain_error_response(InvalidInput(
            TIMED_OUT.format(seconds=round(error.seconds)), code="timed_out"))

    @app.errorhandler(HTTPException)
    def _http(error):
        db.session.rollback()
        if wants_html():
            return html_error_page(error.code or 500)
        return http_error_response(error)

    @app.errorhandler(Exception)
    def _unexpected(error):
        db.session.rollback()
        log.exception("unhandled error on %s %s", request.method, request.path)
        return http_error_response(_InternalError())


class _InternalError(HTTPException):
    code = 500
