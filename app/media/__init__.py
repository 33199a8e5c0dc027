"""Media: uploaded photos, checked, re-encoded and kept in one store behind one interface."""


def init_app(app):
    from app.extensions import api
    from app.media.routes import blp
    from app.media.storage import build_media_store
    from app.offload import warm_up

    warm_up("app.media.storage")

    app.extensions["media_store"] = build_media_store(app.config)
    api.register_blueprint(blp)
