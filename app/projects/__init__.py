"""Projects: an estate's renovation through 共谋 → 共建 → 共管 → 共评 → 共享."""


def init_app(app):
    from app.extensions import api
    from app.projects import work_routes  # noqa: F401  (its routes join blp)
    from app.projects import fund_routes  # noqa: F401 - registers the fund's routes on blp
    from app.projects.routes import blp

    api.register_blueprint(blp)
