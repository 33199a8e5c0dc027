"""Personal information (PIPL): the processing rules (个人信息处理规则) shown at /privacy,
and the retention rules that `apply_retention(now)` applies (run by the scheduler, or
`flask privacy retention`). Export and account deletion are in app/account."""


def init_app(app):
    from app.personal.cli import privacy_cli

    app.cli.add_command(privacy_cli)
