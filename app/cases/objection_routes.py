"""询异 routes: a closed vote's preliminary result, owners' objections on their own flat's
record (each mediated as a case), resolving them. Thin; the rules are in objections.py and
app.consultations.preliminary."""
from flask.views import MethodView

from app.auth.api import is_committee, require_committee
from app.cases import objections
from app.cases.objection_schemas import (
    ObjectionInSchema, ObjectionResolveInSchema, ObjectionSchema, PreliminarySchema)
from app.cases.routes import blp
from app.consultations.api import services as consultations
from app.consultations.api import ResultObjection
from app.estates.api import get_or_404


@blp.route("/consultations/<int:consultation_id>/objections")
class Objections(MethodView):
    @blp.response(200, PreliminarySchema)
    def get(self, consultation_id):
        """The preliminary result's period, my flats' records and objections (the committee: all)."""
        consultation, user = consultations.viewable(consultation_id)
        everyone = is_committee(user, consultation.estate_id)
        rows = [o for o in consultations.objections_of(consultation)
                if everyone or o.filed_by_id == user.id]
        return {"consultation_id": consultation.id,
                "objection_days": consultations.objection_days(consultation),
                "preliminary_until": consultations.preliminary_until(consultation),
                "in_period": consultations.in_period(consultation),
                "my_flats": consultations.my_flat_records(consultation, user),
                "objections": objection_views(rows)}

    @blp.arguments(ObjectionInSchema)
    @blp.response(201, ObjectionSchema)
    def post(self, data, consultation_id):
        """An owner disputes how their own flat is recorded; a mediation case is opened."""
        consultation, user = consultations.viewable(consultation_id)
        objection = objections.file_objection(consultation, user, data["flat_id"], data["reason"])
        return objection_views([objection])[0]


@blp.route("/result-objections/<int:objection_id>/resolve")
class ObjectionResolve(MethodView):
    @blp.arguments(ObjectionResolveInSchema)
    @blp.response(200, ObjectionSchema)
    def post(self, data, objection_id):
        """Record how the mediation resolved it; its case closes with that outcome."""
        objection = get_or_404(ResultObjection, objection_id)
        actor = require_committee(objection.estate_id)
        return objection_views([objections.resolve_objection(
            objection, actor.id, data["resolution"], data["ballot_action"], data["answers"])])[0]


def objection_views(rows: list[ResultObjection]) -> list[dict]:
    rooms = consultations.objection_rooms(rows)
    corrections = consultations.corrections_by_objection(rows)
    return [{"objection": o, "room": rooms.get(o.flat_id), "correction": corrections.get(o.id)} for o in rows]
