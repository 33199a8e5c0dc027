"""The street office's 片区 pages: group estates of the street into a 片区, open a
survey in all of them at once and read its figures summed (each estate's flats once),
register spare premises and land and read the residents' proposals, votes and comments, and
post notices to the whole 片区 with their read counts.
"""
from flask import render_template

from app.auth.api import require_staff
from app.comanage.api import areas, notices
from app.comanage.api import RESOURCE_KINDS
from app.consultations.api import services as consultations
from app.rules.api import get_rule
from app.staff.api import services as staff
from app.web.street.pages import bp


@bp.get("/areas")
def areas_list():
    """The 片区 and a form to make one from estates of one street."""
    user = require_staff()
    rows = [{"area": n, "estates": areas.estates_of(n.id)} for n in areas.list_visible(user)]
    return render_template("web/street/areas.html", section="areas", rows=rows,
                           estates=staff.select_estates())


@bp.get("/areas/<int:neighbourhood_id>")
def area_detail(neighbourhood_id):
    """One 片区: its surveys (summed), spare resources, notices with read counts."""
    n, user = areas.managed(neighbourhood_id)
    templates = {key: t.title for key, t in consultations.all_templates().items()
                 if not get_rule(t.default_rule).decides}
    return render_template(
        "web/street/area.html", section="areas", area=n, estates=areas.estates_of(n.id),
        surveys=[areas.survey_results(s) for s in areas.surveys_of(n)], templates=templates,
        resources=[areas.resource_view(r, user) for r in areas.resources_of(n)],
        kinds=RESOURCE_KINDS, notices=notices.neighbourhood_notices(n))
