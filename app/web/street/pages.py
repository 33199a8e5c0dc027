"""The street office's pages (街道 / 区 staff): estates ranked for the renovation plan with
each factor's points, estates by phase, the flags (overdue complaints, an elevator plan left
in publicity too long), and a link down to each estate's console (staff may open any).

Read-only pages on the staff services, the same figures as GET /api/v1/staff/ranking and
/api/v1/staff/estates.
"""
from collections import Counter
from datetime import timedelta

from flask import Blueprint, current_app, render_template, request

from app.approvals.api import messages as approval_messages
from app.approvals.api import waiting_projects
from app.auth.api import messages as auth_messages
from app.coordination.api import messages as coordination_messages
from app.coordination.api import overdue_tasks
from app.auth.api import require_staff
from app.auth.api import outbox_counts
from app.db import utcnow
from app.utilities.api import messages as utility_messages
from app.utilities.api import all_clashes
from app.errors import DomainError
from app.jobs.api import overview
from app.projects.api import PHASE_LABELS
from app.staff.api import messages as staff_messages
from app.staff.api import services
from app.web.pages import page_error

#: the phase filter's value for estates with no project yet (未立项)
NONE = "none"

bp = Blueprint("street", __name__, url_prefix="/street", template_folder="../templates")
bp.register_error_handler(DomainError, page_error)


def _area() -> tuple[str | None, str | None]:
    return request.args.get("district") or None, request.args.get("street") or None


@bp.get("/")
def ranking():
    """The priority ranking: score, and each factor's points out of its weight, with why."""
    require_staff()
    return render_template("web/street/ranking.html", section="ranking",
                           rows=services.rank_estates(services.select_estates(*_area())))


@bp.get("/estates")
def estates():
    """Estates by phase (共谋 … 共享, or 未立项) with how many are in each, their flags; a
    phase filter and "only those needing attention"."""
    require_staff()
    phases = {**PHASE_LABELS, NONE: staff_messages.NO_PROJECT}
    phase = request.args.get("phase")
    phase = phase if phase in phases else None
    flagged_only = request.args.get("flagged") == "1"
    every = services.estate_overview(services.select_estates(*_area()))
    counts = Counter(row["phase"] or NONE for row in every)
    rows = [row for row in every if (phase is None or (row["phase"] or NONE) == phase)
            and (row["flags"] or not flagged_only)]
    return render_template("web/street/estates.html", section="estates", rows=rows, phase=phase,
                           phases=phases, counts=counts, flagged_only=flagged_only,
                           flagged=sum(1 for row in every if row["flags"]))


@bp.get("/operations")
def operations():
    """运行状况: each scheduled job's last run (late ones flagged: is `flask jobs run` running?)
    and the last seven days' SMS by status."""
    require_staff()
    now = utcnow()
    return render_template("web/street/operations.html", section="operations",
                           jobs=overview(current_app, now), sms=outbox_counts(now - timedelta(days=7)),
                           sms_labels=auth_messages.SMS_STATUS_LABELS)


@bp.get("/approvals")
def approvals():
    """审批进度: projects waiting on an approval, the longest wait first (GET /api/v1/staff/approvals)."""
    require_staff()
    return render_template("web/street/approvals.html", section="approvals", am=approval_messages,
                           rows=waiting_projects())


@bp.get("/tasks")
def tasks():
    """超期的责任事项: joint meetings' tasks past their deadline, the longest overdue first
    (GET /api/v1/staff/overdue-tasks)."""
    require_staff()
    return render_template("web/street/tasks.html", section="tasks", cm=coordination_messages,
                           rows=overdue_tasks())


@bp.get("/utility-clashes")
def utility_clashes():
    """管线重复开挖: places to be dug twice in overlapping or nearby periods, every estate
    (GET /api/v1/staff/utility-clashes)."""
    require_staff()
    return render_template("web/street/utility_clashes.html", section="clashes", um=utility_messages,
                           rows=all_clashes())
