"""The page a scan opens: `/q/<token>`, server-rendered, Chinese, large type, no external resources."""
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, render_template

from app.auth.permissions import current_user
from app.extensions import limiter
from app.qr import messages, services

pages = Blueprint("qr_pages", __name__, template_folder="templates")

CHINA = ZoneInfo("Asia/Shanghai")


def _scan_limit():
    return current_app.config["RATELIMIT_QR_PER_IP"]


def claim_url(place: services.Place) -> str:
    return f"/claim?{urlencode({place.kind: place.id})}"


def _closes(value) -> str | None:
    if value is None:
        return None
    local = value.astimezone(CHINA)
    return messages.CLOSES_AT.format(date=f"{local.month}月{local.day}日 {local:%H:%M}")


def _page(template: str, status: int, **context):
    body = render_template(template, m=messages, **context)
    return body, status, {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
                          "X-Robots-Tag": "noindex"}


@pages.route("/q/<token>")
@limiter.limit(_scan_limit)
def landing(token):
    scan = services.resolve(token)
    services.record_scan(scan, via="page")
    if scan.status == "retired":
        return _page("qr/invalid.html", 404, title=messages.RETIRED_TITLE, body=messages.RETIRED_BODY)
    if scan.status != "ok":
        return _page("qr/invalid.html", 404, title=messages.INVALID_TITLE, body=messages.INVALID_BODY)
    view = services.landing(scan.place)
    consultations = [{"title": c["title"], "closes": _closes(c["closes_at"])}
                     for c in view["open_consultations"]]
    claim = claim_url(scan.place)
    return _page("qr/landing.html", 200, place=scan.place, consultations=consultations,
                 claim_url=claim, login_url=f"/login?{urlencode({'next': claim})}",
                 logged_in=current_user() is not None)
