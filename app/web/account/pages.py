"""My things: in-app notifications, family proxies (家人代投), my data export and deleting
my account. Each page is a shell a small script fills from the JSON API (account.js);
changes go through the API with the cookie session and the CSRF header."""
from flask import render_template

from app.auth.api import require_user
from app.auth.api import me_view
from app.estates.api import LinkStatus, Relation
from app.web.routes import bp


@bp.get("/notifications")
def notifications():
    """My notifications, newest first; opening the page marks them read."""
    require_user()
    return render_template("web/account/notifications.html")


@bp.get("/proxies")
def proxies():
    """家人代投: for each flat I own, the relatives I authorised; add one by phone, revoke."""
    user = require_user()
    owned = [link.flat for link in me_view(user)["flats"]
             if link.relation == Relation.owner and link.status == LinkStatus.verified]
    return render_template("web/account/proxies.html", flats=owned)


@bp.get("/account")
def account():
    """My data: download everything the app keeps about me; delete my account."""
    user = require_user()
    from app.reach.api import messages as rm
    from app.reach.api import opted_out

    return render_template("web/account/account.html", rm=rm, sms_off=user.phone in opted_out([user.phone]))
