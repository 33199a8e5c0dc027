"""Audit: the append-only, hash-chained record of decision-relevant acts."""


def init_app(app):
    from app.audit.cli import audit_cli
    from app.audit.routes import blp
    from app.extensions import api

    api.register_blueprint(blp)
    app.cli.add_command(audit_cli)
