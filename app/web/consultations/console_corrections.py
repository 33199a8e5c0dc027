"""更正: an objection in the 询异 period upheld about a flat's ballot, and the ballot corrected
to the answers the owner really gave, on a form of the consultation's own questions (the
assisted ballot's fields). Voiding needs no answers and stays on the consultation's page
(console_work.js); both end in `objections.resolve_objection`, as the API does."""
from flask import flash, redirect, render_template, request, url_for

from app.auth.api import require_committee
from app.cases.api import objections
from app.consultations.api import services
from app.consultations.api import visible
from app.consultations.api import ObjectionStatus, ResultObjection
from app.errors import Conflict, DomainError, InvalidInput
from app.estates.api import get_estate, get_or_404
from app.web import messages_work as messages
from app.web.console import bp
from app.web.forms import answers_from_form, check_csrf, field_name


def _objection(objection_id: int):
    objection = get_or_404(ResultObjection, objection_id)
    user = require_committee(objection.estate_id)
    if objection.status == ObjectionStatus.resolved:
        raise Conflict(messages.CORRECT_ALREADY_RESOLVED, code="already_resolved")
    return objection, user, services.get_consultation(objection.consultation_id)


def _render(objection, c, *, values, errors=None, error=None, reason="", status=200):
    room = services.objection_rooms([objection]).get(objection.flat_id, "")
    return render_template(
        "web/console/correct_ballot.html", estate=get_estate(c.estate_id), section="consultations",
        c=c, objection=objection, room=room, questions=c.questions, values=values,
        errors=errors or {}, error=error, reason=reason, field_name=field_name,
        visible=visible), status


@bp.get("/result-objections/<int:objection_id>/correct")
def correct_ballot(objection_id):
    """The flat's ballot as recorded, to be corrected to what the owner really chose."""
    objection, _, c = _objection(objection_id)
    ballot = services.current_ballot(c, objection.flat_id)
    return _render(objection, c, values=ballot.answers if ballot is not None else {})


@bp.post("/result-objections/<int:objection_id>/correct")
def save_correction(objection_id):
    objection, user, c = _objection(objection_id)
    check_csrf()
    answers = answers_from_form(c.questions, request.form)
    reason = request.form.get("resolution", "").strip()
    if not reason:
        return _render(objection, c, values=answers, errors={"resolution": messages.CORRECT_REASON_REQUIRED},
                       error=messages.CORRECT_REASON_REQUIRED, status=422)
    try:
        objections.resolve_objection(objection, user.id, reason[:2000], "correct", answers)
    except DomainError as refused:
        fields = refused.fields if isinstance(refused, InvalidInput) else {}
        return _render(objection, c, values=answers, errors=fields.get("answers") or fields,
                       error=refused.message, reason=reason, status=refused.status)
    flash(messages.CORRECT_DONE)
    return redirect(url_for("console.consultation", consultation_id=c.id) + "#objections", code=303)
