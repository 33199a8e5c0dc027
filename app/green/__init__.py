"""绿色社区: an estate's checklist of the national green-community criteria (绿色社区创建标准),
each with its status and evidence; residents see where their estate stands."""


def init_app(app):
    from app.extensions import api
    from app.green.criteria import criteria
    from app.green.routes import blp

    criteria(app.config["GREEN_CRITERIA_FILE"])  # a city's edited list is checked at start
    api.register_blueprint(blp)
