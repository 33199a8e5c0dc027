"""Personal information (PIPL): the processing rules (个人信息处理规则) shown at /privacy, the
consent to them at first login (the gate, app/personal/gate.py, and /api/v1/me/consents),
and the retention rules that `apply_retention(now)` applies (run by the scheduler, or
`flask privacy retention`). Export and account deletion are in app/account."""


def init_app(app):
    from app.extensions import api
    from app.jobs.api import register_job
    from app.personal import messages
    from app.personal.cli import privacy_cli
    from app.auth.api import require_user_value
    from app.personal.gate import check_consent, refuse_without_consent
    from app.personal.retention import apply_retention
    from app.personal.routes import blp

    api.register_blueprint(blp)
    app.before_request(check_consent)  # after auth's (packages start in name order)
    # and for a view that checks its signed user in its own query (the ballot PUT)
    require_user_value("privacy_version", messages.NOTICE_VERSION, refuse_without_consent)
    app.cli.add_command(privacy_cli)
    register_job(app, "personal.retention", apply_retention, every_s=24 * 3600,
                 label=messages.JOB_RETENTION)
