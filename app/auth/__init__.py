"""Auth: who people are (phone codes, JWT, WeChat) and what they may do."""


def init_app(app):
    from app.auth import sms, subscribe
    from app.auth.cli import users_cli
    from app.auth.permissions import load_request_user
    from app.auth import wechat_routes  # noqa: F401 - its routes join the blueprint
    from app.auth.routes import blp
    from app.extensions import api

    api.register_blueprint(blp)
    app.before_request(load_request_user)
    app.cli.add_command(users_cli)
    sms.init_app(app)
    subscribe.check(app.config)
