"""Elevators: adding an elevator to a stairwell (加装电梯): consent, cost shares and stages."""


def init_app(app):
    from app.elevators.routes import blp
    from app.extensions import api

    api.register_blueprint(blp)
