"""Audit: the append-only, hash-chained record of decision-relevant acts."""


def init_app(app):
    from app.audit.cli import audit_cli
    from app.audit.routes import blp
    from app.extensions import api

    api.register_blueprint(blp)
    app.cli.add_command(audit_cli)
    from gevent import monkey

    from app.audit.sealer import sealer
    from app.audit.services import seal

    # a gevent server process seals on a background greenlet (see app.realtime.server.is_serving)
    sealer.configure(app, seal, serving=monkey.is_module_patched("socket"))
