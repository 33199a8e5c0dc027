"""Public: an estate's outcomes for anyone (共享), as a page and as open data."""


def init_app(app):
    from app.extensions import api
    from app.public.routes import blp, page

    app.register_blueprint(page)
    api.register_blueprint(blp)
