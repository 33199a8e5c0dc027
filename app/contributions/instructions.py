"""How a project's flats pay without the app (收款方式): the committee writes where and when
to bring cash, the account to transfer to and whom to call; the owners' page shows it beside
what each flat still owes."""
from app.audit.api import record
from app.contributions.models import PayingInstructions
from app.db import lock_row, utcnow
from app.extensions import db
from app.unit_of_work import unit


def paying_instructions(project_id: int) -> str | None:
    row = db.session.get(PayingInstructions, project_id)
    return row.text if row is not None else None


@unit
def set_paying_instructions(project, text: str, actor_id: int) -> str:
    """Write (or rewrite) the project's 收款方式; audited. The project's row is held first, so
    two committee members saving at once write one after the other, never two rows."""
    from app.projects.api import RenovationProject

    lock_row(db.session, RenovationProject, project.id)
    row = db.session.get(PayingInstructions, project.id, populate_existing=True)
    if row is None:
        row = PayingInstructions(project_id=project.id, estate_id=project.estate_id, text=text,
                                 updated_by_id=actor_id)
        db.session.add(row)
    else:
        row.text, row.updated_by_id, row.updated_at = text, actor_id, utcnow()
    record("contribution.instructions", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="renovation_project", subject_id=project.id, data={"text": text})
    return row.text
