"""Notifications: in-app messages, closing reminders by SMS and on the live channel."""


def init_app(app):
    from app.extensions import api
    from app.notifications.cli import notifications_cli
    from app.notifications.routes import blp
    from app.notifications.transfers import on_flat_transferred
    from app.signals import flat_transferred

    api.register_blueprint(blp)
    app.cli.add_command(notifications_cli)
    flat_transferred.connect(on_flat_transferred, sender=app, weak=False)
