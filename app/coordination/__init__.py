"""联席会议 and 责任清单: the joint meetings of the party organisation, the residents'
committee, the owners' committee, the property company, the street office and the
departments (housing, planning, each utility) for an estate or one of its projects; what
they decided, and who must do what by when. Residents see the decisions and the list's
progress, never the meeting's internal notes."""


def init_app(app):
    from app.coordination.routes import blp
    from app.extensions import api

    api.register_blueprint(blp)
