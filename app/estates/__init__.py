"""Estates: the registry of estates, buildings, stairwells, flats, owners and residents' links."""


def init_app(app):
    from app.auth.api import membership
    from app.estates import ledger_import
    from app.estates.cli import estates_cli
    from app.estates.membership import FACTS
    from app.estates.routes import blp
    from app.extensions import api
    from app.heavyjobs.api import register_kind

    register_kind("estates.ledger_import", ledger_import.run_import_job)
    membership.provide(FACTS)  # auth's access checks ask estates through this port
    api.register_blueprint(blp)
    app.cli.add_command(estates_cli)
