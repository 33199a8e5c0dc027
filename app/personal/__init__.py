"""Personal information (PIPL): the processing rules (个人信息处理规则) shown at /privacy,
and the retention rules that `apply_retention(now)` applies (run by the scheduler, or
`flask privacy retention`). Export and account deletion are in app/account."""


def init_app(app):
    from app.jobs.api import register_job
    from app.personal import messages
    from app.personal.cli import privacy_cli
    from app.personal.retention import apply_retention

    app.cli.add_command(privacy_cli)
    register_job(app, "personal.retention", apply_retention, every_s=24 * 3600,
                 label=messages.JOB_RETENTION)
