"""Residents apply (居民自愿申报), the street's reserve (项目储备库) and annual plans (年度计划)."""


def init_app(app):
    from app.extensions import api
    from app.applications.routes import blp

    api.register_blueprint(blp)
