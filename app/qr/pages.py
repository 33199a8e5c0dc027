"""The page a scan opens: `/q/<token>`, server-rendered in the web pages' layout (elder mode, no CDN)."""
from urllib.parse import urlencode

from flask import Blueprint, current_app, render_template

from app.auth.api import current_user
from app.display import CHINA_TZ
from app.estates.api import flat_claims
from app.estates.api import RELATIONS
from app.estates.api import LinkStatus
from app.extensions import limiter
from app.qr import messages, services

pages = Blueprint("qr_pages", __name__, template_folder="templates")

def _scan_limit():
    return current_app.config["RATELIMIT_QR_PER_IP"]


#: one allowance per address for the page and the JSON look-up together (they count scans)
scan_limit = limiter.shared_limit(_scan_limit, scope="qr-scan")


def claim_links(place: services.Place) -> list[dict]:
    """Where to claim a flat: the stairwell's claim page, or one per stairwell of a building."""
    stairwells = [place.stairwell] if place.stairwell is not None else place.building.stairwells
    label = messages.BUTTON_CLAIM if place.stairwell is not None else messages.BUTTON_CLAIM_IN
    return [{"url": f"/claim?{urlencode({'stairwell': s.id})}", "label": label.format(stairwell=s.name)}
            for s in stairwells]


def linked_flats(user, place: services.Place) -> list[str]:
    """The flats of this place the logged-in person is already verified for, as they read them."""
    if user is None:
        return []
    stairwells = {place.stairwell.id} if place.stairwell is not None else {s.id for s in place.building.stairwells}
    return [messages.LINKED_FLAT.format(building=link.flat.building.name, stairwell=link.flat.stairwell.name,
                                        room=link.flat.room, relation=RELATIONS[link.relation.value])
            for link in flat_claims(user.id)
            if link.status == LinkStatus.verified and link.flat.stairwell_id in stairwells]


def _closes(value) -> str | None:
    if value is None:
        return None
    local = value.astimezone(CHINA_TZ)
    return messages.CLOSES_AT.format(date=f"{local.month}月{local.day}日 {local:%H:%M}")


def _page(template: str, status: int, **context):
    # `m` is the web pages' own catalogue, used by web/base.html
    body = render_template(template, qm=messages, **context)
    return body, status, {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
                          "X-Robots-Tag": "noindex"}


@pages.route("/q/<token>")
@scan_limit
def landing(token):
    scan = services.resolve(token)
    services.record_scan(scan, via="page")
    if scan.status == "retired":
        return _page("qr/invalid.html", 404, title=messages.RETIRED_TITLE, body=messages.RETIRED_BODY)
    if scan.status != "ok":
        return _page("qr/invalid.html", 404, title=messages.INVALID_TITLE, body=messages.INVALID_BODY)
    view = services.landing(scan.place)
    # the consultation page asks for a login (and a claimed flat) itself
    consultations = [{"title": c["title"], "closes": _closes(c["closes_at"]),
                      "url": f"/consultations/{c['id']}"} for c in view["open_consultations"]]
    claims = claim_links(scan.place)
    # after logging in, straight to the claim page (a building with several stairwells: back here)
    after_login = claims[0]["url"] if len(claims) == 1 else f"/q/{token}"
    user = current_user()
    return _page("qr/landing.html", 200, place=scan.place, consultations=consultations,
                 claims=claims, login_url=f"/login?{urlencode({'next': after_login})}",
                 logged_in=user is not None, linked=linked_flats(user, scan.place))
