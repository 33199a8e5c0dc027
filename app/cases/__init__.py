"""Cases (一事一议): disputes with a moderated discussion, mediation meetings and a resolution vote."""


def init_app(app):
    from app.cases import objection_routes  # noqa: F401  (its routes join blp)
    from app.cases.routes import blp
    from app.cases.services import DEFAULTS
    from app.extensions import api

    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    api.register_blueprint(blp)
