"""Opening a 一事一议 case: title, what happened, and the flats it touches, picked
building → stairwell → room (case_open.js calls the JSON API; the case page follows)."""
from flask import render_template

from app.auth.api import require_member
from app.estates.api import Estate
from app.estates.api import get_or_404
from app.web.routes import bp


@bp.get("/estates/<int:estate_id>/cases/new")
def case_new(estate_id):
    require_member(estate_id)
    return render_template("web/case_new.html", estate=get_or_404(Estate, estate_id))
