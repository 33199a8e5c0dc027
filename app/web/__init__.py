"""Web: the resident pages and the committee console, server-rendered.

Pages read through the same permission checks and services as the API; every
change is made by the page's script calling the JSON API with the cookie
session and the CSRF header. All assets are served from here: no CDN.
"""

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
       "form-action 'self'; frame-ancestors 'none'")


def security_headers(response):
    """Only this site may supply scripts, styles, images and connections."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    return response


def init_app(app):
    from app.web.console import bp as console_bp
    from app.web.routes import bp

    app.config["SESSION_COOKIE_SECURE"] = app.config["PUBLIC_BASE_URL"].startswith("https://")
    app.register_blueprint(bp)
    app.register_blueprint(console_bp)
    app.after_request(security_headers)
