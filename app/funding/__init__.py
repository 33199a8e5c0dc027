"""公开资金: a renovation project's money in the open, by source (government subsidies by
level, former employers 原产权单位, 公房 units, utilities, residents, others), each as
committed, received and spent, with dates and documents; shown on the public page beside
the project's progress. A spend beyond the money received is refused."""


def init_app(app):
    from app.extensions import api
    from app.funding.routes import blp

    api.register_blueprint(blp)
