"""审批: the approvals a renovation project needs before and while it is built (立项, 用地,
规划, 施工许可, or the city's merged 联合审查), each with its status, dates, department and
document; the street office sees which projects wait on what, and for how long."""


def init_app(app):
    from app.approvals.routes import blp
    from app.approvals.services import check_required_setting
    from app.extensions import api

    check_required_setting(app.config["APPROVALS_REQUIRED"])
    api.register_blueprint(blp)
