"""Notifications: in-app messages, closing reminders by SMS and on the live channel."""


def init_app(app):
    from app.extensions import api
    from app.notifications import entered
    from app.notifications.cli import notifications_cli
    from app.notifications.routes import blp

    api.register_blueprint(blp)
    app.cli.add_command(notifications_cli)
    entered.connect(app)
