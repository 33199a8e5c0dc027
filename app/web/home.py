"""The resident home page: my flats, what I have to do (votes, money still due), each estate
(its counts, open consultations and cases), my stairwells' elevators.

Its own module so that the pages it gathers from (consultations, cases, elevators)
depend on the blueprint in app/web/routes.py, and routes.py on none of them.
"""
from flask import render_template

from app.auth.api import current_user, is_staff
from app.auth.api import me_view
from app.cases.api import services as cases
from app.comanage.api import unread_notices
from app.contributions.api import dues_of
from app.elevators.api import services as elevators
from app.notifications.api import unread_count
from app.estates.api import Estate, LinkStatus
from app.estates.api import estate_view
from app.estates.api import committee_estates, get_or_404
from app.web.consultations.pages import open_for_home, records_for_home
from app.web.routes import bp


@bp.get("/")
def home():
    user = current_user()
    if user is None:
        return render_template("web/welcome.html")
    me = me_view(user)
    estate_ids = sorted({link.estate_id for link in me["flats"] if link.status == LinkStatus.verified}
                        | {grant.estate_id for grant in user.roles if grant.estate_id is not None})
    estates = [(estate_view(get_or_404(Estate, estate_id)), open_for_home(user, estate_id),
                [c for c in cases.list_cases(estate_id) if c.status.value != "closed"])
               for estate_id in estate_ids]
    todo = [c for _, rows, _ in estates for c in rows if c["todo"]]
    dues = dues_of(user.id, estate_ids)
    records = [row for estate_id in estate_ids for row in records_for_home(user, estate_id)]
    # my stairwells' elevators, read as GET /stairwells/<id>/elevator-projects reads them
    stairwell_ids = sorted({link.flat.stairwell_id for link in me["flats"]
                            if link.status == LinkStatus.verified})
    projects = [(p.stairwell, p) for stairwell_id in stairwell_ids
                for p in elevators.projects_of(stairwell_id) if elevators.can_view(user, p)]
    return render_template("web/home.html", me=me, estates=estates, projects=projects,
                           todo=todo, dues=dues, records=records, unread=unread_count(user.id),
                           unread_notices=unread_notices(user),
                           console_estates=committee_estates(user), street=is_staff(user))
