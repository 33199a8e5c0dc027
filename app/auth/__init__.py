"""Auth: who people are (phone codes, JWT, WeChat) and what they may do."""


SMS_BACKENDS = ("console", "http")


def init_app(app):
    backend = app.config.get("SMS_BACKEND")
    if backend not in SMS_BACKENDS:
        raise RuntimeError(
            f"SMS_BACKEND must be one of {', '.join(SMS_BACKENDS)}, not {backend!r}. With SECRET_KEY "
            "set (a deployment) there is no default: 'console' shows every login code to anyone "
            "at /api/v1/dev/sms-outbox, so choose it only on purpose.")
    if backend == "http" and not app.config.get("SMS_HTTP_URL"):
        raise RuntimeError("SMS_BACKEND=http needs SMS_HTTP_URL")
    from app.auth.cli import users_cli
    from app.auth.permissions import load_request_user
    from app.auth import wechat_routes  # noqa: F401 - its routes join the blueprint
    from app.auth.routes import blp
    from app.extensions import api

    api.register_blueprint(blp)
    app.before_request(load_request_user)
    app.cli.add_command(users_cli)
