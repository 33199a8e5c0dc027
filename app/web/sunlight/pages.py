"""Sunlight (日照) analyses on the resident pages: the estate's analyses a resident may read, and
one analysis in full (every window before and after, the chart), read through the same access
check and service as the API (app/sunlight/access.py, services.py). The case and elevator pages
show only the resident's own windows (app/web/sunlight.py) and link here."""
from flask import render_template

from app.auth.api import require_member
from app.estates.api import Estate
from app.estates.api import get_or_404
from app.sunlight.api import services, text
from app.sunlight.api import readable
from app.web.routes import bp


def _reading(window: dict, index: int, exempt: bool, mine: set) -> dict:
    return {"index": index, "window": window, "mine": window.get("flat_id") in mine,
            "before": text.minutes_text(window["before_minutes"]),
            "after": text.minutes_text(window["after_minutes"]),
            "loss": text.minutes_text(window["loss_minutes"]),
            "standard": text.standard_text(window), "verdict": text.verdict_text(window, exempt)}


@bp.get("/estates/<int:estate_id>/sunlight")
def sunlight_analyses(estate_id):
    """The estate's analyses this resident may read (as GET …/sunlight-analyses), newest first."""
    user = require_member(estate_id)
    analyses = [services.view(a) for a in services.analyses_of(estate_id) if services.can_read(user, a)]
    return render_template("web/sunlight/list.html", estate=get_or_404(Estate, estate_id),
                           analyses=analyses)


@bp.get("/sunlight/<int:analysis_id>")
def sunlight_analysis(analysis_id):
    """One analysis: every window, mine marked, and the chart (as GET /sunlight-analyses/<id>)."""
    found, user = readable(analysis_id)
    view = services.view(found)
    mine = services.my_flat_ids(user.id, services.window_flat_ids(found))
    rows = sorted((_reading(window, index, view["exempt"], mine) for index, window in enumerate(view["windows"])),
                  key=lambda row: not row["mine"])  # my windows first
    return render_template("web/sunlight/analysis.html", a=view, rows=rows)
