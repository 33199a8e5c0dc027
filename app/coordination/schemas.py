"""Joint meetings and the responsibility list in and out."""
from app.coordination.messages import NO_ORGS, ORGS
from app.coordination.models import TaskStatus
from app.schemas import BaseSchema, fields, validate

ORG = validate.OneOf(list(ORGS))


class MeetingInSchema(BaseSchema):
    held_on = fields.Date(required=True)
    place = fields.String(required=True, validate=validate.Length(min=1, max=100))
    agenda = fields.String(required=True, validate=validate.Length(min=1, max=1000))
    project_id = fields.Integer(strict=True, load_default=None, allow_none=True)
    attending_orgs = fields.List(fields.String(validate=ORG), required=True,
                                 validate=validate.Length(min=1, max=len(ORGS), error=NO_ORGS))
    decisions = fields.List(fields.String(validate=validate.Length(max=300)), load_default=list,
                            validate=validate.Length(max=50))
    notes = fields.String(load_default="", validate=validate.Length(max=5000))


class TaskInSchema(BaseSchema):
    task = fields.String(required=True, validate=validate.Length(min=1, max=300))
    org = fields.String(required=True, validate=ORG)
    deadline = fields.Date(required=True)


class TaskMoveInSchema(BaseSchema):
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in TaskStatus]))
    evidence = fields.String(load_default="", validate=validate.Length(max=500))


class TaskSchema(BaseSchema):
    id = fields.Integer()
    meeting_id = fields.Integer()
    task = fields.String()
    org = fields.String()
    org_label = fields.String()
    deadline = fields.Date()
    status = fields.String()
    status_label = fields.String()
    evidence = fields.String()
    done_on = fields.Date(allow_none=True)
    overdue = fields.Boolean()
    due_text = fields.String()


class OverdueTaskSchema(TaskSchema):
    estate_id = fields.Integer()
    estate_name = fields.String()
    overdue_days = fields.Integer()


class MeetingSchema(BaseSchema):
    id = fields.Integer()
    project_id = fields.Integer(allow_none=True)
    held_on = fields.Date()
    place = fields.String()
    agenda = fields.String()
    attending_orgs = fields.List(fields.String())
    attending_labels = fields.List(fields.String())
    decisions = fields.List(fields.String())
    notes = fields.String(metadata={"description": "committee and staff only (empty for residents)"})
    tasks = fields.List(fields.Nested(TaskSchema))
