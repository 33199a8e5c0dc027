"""Staff: the street / district view across estates."""


def init_app(app):
    from app.extensions import api
    from app.staff.routes import blp

    api.register_blueprint(blp)
