"""Reach: notices of a consultation to every owner in scope (SMS from the ledger, in-app for
the registered), the one-tap SMS link to the ballot, and reach per stairwell."""


def init_app(app):
    from app.extensions import api
    from app.jobs.api import register_job
    from app.reach import flats, messages, models  # noqa: F401 - the tables
    from app.reach.reminders import remind_closing
    from app.reach.routes import blp

    api.register_blueprint(blp)
    flats.connect(app)
    register_job(app, "reach.remind_closing", remind_closing, every_s=15 * 60,
                 label=messages.JOB_REMIND_CLOSING)
