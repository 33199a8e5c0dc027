"""Audit: the append-only, hash-chained record of decision-relevant acts."""


def init_app(app):
    from app.audit.cli import audit_cli

    app.cli.add_command(audit_cli)
