"""The renovation plan (改造方案, 一区一策): versions with sections, residents' comments on a
quoted passage and their answers, the publicity period before the content vote, and the
heritage review of items that alter a historic building's facade."""


def init_app(app):
    from app.extensions import api
    from app.plans.routes import blp

    api.register_blueprint(blp)
