"""Media: uploaded photos, checked, re-encoded and kept in one store behind one interface."""


def init_app(app):
    from app.extensions import api
    from app.media.routes import blp

    api.register_blueprint(blp)
