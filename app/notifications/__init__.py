"""Notifications: in-app messages, closing reminders by SMS and on the live channel."""


def init_app(app):
    from app.extensions import api
    from app.jobs.api import register_job
    from app.notifications import messages
    from app.notifications.periods import preliminary_ended
    from app.notifications.reminders import remind_closing
    from app.notifications import entered, outcomes
    from app.notifications.cli import notifications_cli
    from app.notifications.routes import blp
    from app.notifications.transfers import on_flat_transferred
    from app.signals import flat_transferred

    api.register_blueprint(blp)
    app.cli.add_command(notifications_cli)
    register_job(app, "notifications.remind_closing", remind_closing, every_s=15 * 60,
                 label=messages.JOB_REMIND_CLOSING)
    register_job(app, "notifications.preliminary_ended", preliminary_ended, every_s=15 * 60,
                 label=messages.JOB_PRELIMINARY_ENDED)
    flat_transferred.connect(on_flat_transferred, sender=app, weak=False)
    entered.connect(app)
    outcomes.connect(app)
