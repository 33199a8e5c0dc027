"""共管: co-managing an estate after its renovation (the part beside the fund).

- choices: the owners' rules, electing the owners' committee, the management model and
  the property service company, decided by consultations made from data templates;
  the choice results (candidates elected in order of votes among those the rule passes)
- rating: the recurring property service rating (a period per round) and its index
- income: the public income ledger (公共收益), each spending tied to its decision
- areas: 片区 (neighbourhoods of one street), their surveys and spare resources (存量资源)
- notices: 通知公告 to an estate, a building or a 片区, with read counts; policy explainers
"""


def init_app(app):
    from app.comanage.routes import blp
    from app.comanage.routes_area import blp as area_blp
    from app.extensions import api

    api.register_blueprint(blp)
    api.register_blueprint(area_blp)
