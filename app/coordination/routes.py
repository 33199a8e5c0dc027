"""Routes: an estate's joint meetings and responsibility list (members read, the committee
records); the street's overdue tasks (staff)."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import (
    is_committee, load_checked, require_committee, require_member, require_staff,
)
from app.coordination import services
from app.coordination.models import JointMeeting, ResponsibilityTask
from app.coordination.schemas import (MeetingInSchema, MeetingSchema, OverdueTaskSchema, TaskInSchema,
                                      TaskMoveInSchema, TaskSchema)

blp = Blueprint("coordination", __name__, url_prefix="/api/v1", description="联席会议与责任清单")


@blp.route("/estates/<int:estate_id>/joint-meetings")
class Meetings(MethodView):
    @blp.response(200, MeetingSchema(many=True))
    def get(self, estate_id):
        """The meetings, newest first, with their decisions and tasks (members; the internal
        notes for the committee and staff only)."""
        user = require_member(estate_id)
        return services.meetings_of(estate_id, with_notes=is_committee(user, estate_id))

    @blp.arguments(MeetingInSchema)
    @blp.response(201, MeetingSchema)
    def post(self, data, estate_id):
        """Record a meeting as held: date, place, agenda, organisations present, decisions."""
        user = require_committee(estate_id)
        meeting = services.record_meeting(estate_id, data, user.id)
        return next(m for m in services.meetings_of(estate_id, with_notes=True) if m["id"] == meeting.id)


@blp.route("/joint-meetings/<int:meeting_id>/tasks")
class MeetingTasks(MethodView):
    @blp.arguments(TaskInSchema)
    @blp.response(201, TaskSchema)
    def post(self, data, meeting_id):
        """Add a line to the responsibility list: the task, its organisation, its deadline."""
        meeting, user = load_checked(JointMeeting, meeting_id, require_committee)
        return services.task_view(services.add_task(meeting, data["task"], data["org"], data["deadline"], user.id))


@blp.route("/responsibility-tasks/<int:task_id>")
class Task(MethodView):
    @blp.arguments(TaskMoveInSchema)
    @blp.response(200, TaskSchema)
    def put(self, data, task_id):
        """Where a task stands; done needs its evidence (committee)."""
        task, user = load_checked(ResponsibilityTask, task_id, require_committee)
        return services.task_view(services.move_task(task, data["status"], data["evidence"], user.id))


@blp.route("/staff/overdue-tasks")
class OverdueTasks(MethodView):
    @blp.response(200, OverdueTaskSchema(many=True))
    def get(self):
        """Every estate's tasks past their deadline, the longest overdue first (street staff)."""
        require_staff()
        return services.overdue_tasks()
