"""居民出资 (who pays): per renovation project, what each flat owes from the decisions that set
it (elevator cost shares, an owners' decision's amount, a maintenance fund use), payments
recorded by the committee or made through WeChat Pay, receipts, arrears (to members only as counts per stairwell)."""


def init_app(app):
    from app.contributions.routes import blp
    from app.extensions import api

    api.register_blueprint(blp)
