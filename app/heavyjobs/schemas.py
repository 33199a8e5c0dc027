"""Output shape of the heavy-job routes."""
from app.schemas import BaseSchema, fields


class HeavyJobSchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer()
    kind = fields.String(metadata={"description": "sunlight.create, paperballots.scan, estates.ledger_import, …"})
    kind_label = fields.String()
    state = fields.String(metadata={"description": "queued, running, done, failed or interrupted"})
    state_label = fields.String(metadata={"description": "排队 / 进行中 / 完成 / 失败 / 中断了"})
    subject_id = fields.Integer(allow_none=True, metadata={"description": "what the job made, once done"})
    attempts = fields.Integer()
    created_at = fields.DateTime()
    started_at = fields.DateTime(allow_none=True)
    finished_at = fields.DateTime(allow_none=True)
    error = fields.String(allow_none=True, metadata={"description": "why it failed or stopped, in Chinese"})
    can_rerun = fields.Boolean()
