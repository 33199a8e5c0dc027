"""HTTP hardening in one place: security headers, cookie flags, body size limits, proxies.

- Content-Security-Policy allows only this site; inline `<script>`/`<style>` need
  the per-request nonce from the `csp_nonce()` template global.
- HSTS once the site is served over HTTPS (PUBLIC_BASE_URL or the request says so).
- Session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS.
- JSON bodies are limited to MAX_JSON_BODY_BYTES, uploads to MAX_CONTENT_LENGTH;
  larger requests answer 413 before anything is read.
- Behind nginx, TRUSTED_PROXIES tells how many X-Forwarded-* hops to believe, so
  rate limits see the resident's address rather than the proxy's.
"""
import io
import secrets

from flask import request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix

HSTS = "max-age=31536000; includeSubDomains"
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
NONCE_KEY = "gongzhi.csp_nonce"  # per request (g lives as long as the app context)


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, without building the cookie's signer for a request
    that sends no session cookie (every API call with a bearer token, the health check):
    an empty session, as Flask would give it after building the signer."""

    def open_session(self, app, request):
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)


def csp_nonce() -> str:
    """The nonce for inline scripts and styles of this response (made on first use)."""
    return request.environ.setdefault(NONCE_KEY, secrets.token_urlsafe(16))


def content_security_policy(nonce: str | None) -> str:
    inline = f" 'nonce-{nonce}'" if nonce else ""
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self'{inline}",
        f"style-src 'self'{inline}",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def serves_https(app) -> bool:
    return app.config["PUBLIC_BASE_URL"].startswith("https://") or request.is_secure


def limit_body_size(app):
    multipart = request.mimetype == "multipart/form-data"
    limit = app.config["MAX_CONTENT_LENGTH"] if multipart else app.config["MAX_JSON_BODY_BYTES"]
    request.max_content_length = limit
    if request.content_length is not None:
        if request.content_length > limit:
            raise RequestEntityTooLarge()
    elif request.environ.get("wsgi.input_terminated") and request.method in BODY_METHODS:
        # A chunked body has no length: read it up to the limit now, so that an
        # oversized one answers 413 instead of being cut short into unreadable JSON.
        body = request.environ["wsgi.input"].read(limit + 1)
        if len(body) > limit:
            raise RequestEntityTooLarge()
        request.environ["wsgi.input"] = io.BytesIO(body)
        request.environ["CONTENT_LENGTH"] = str(len(body))


def add_security_headers(app, response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", content_security_policy(request.environ.get(NONCE_KEY)))
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.path.startswith("/api/"):
        # personal data must not sit in shared caches or the browser's back button
        headers.setdefault("Cache-Control", "no-store")
    if serves_https(app):
        headers.setdefault("Strict-Transport-Security", HSTS)
    return response


def init_app(app):
    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    if app.config["PUBLIC_BASE_URL"].startswith("https://"):
        app.config["SESSION_COOKIE_SECURE"] = True
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.session_interface = CookieSessions()
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.before_request(lambda: limit_body_size(app))
    app.after_request(lambda response: add_security_headers(app, response))
