from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from app.auth.api import require_user
from app.extensions import db
from app.notifications.models import Notification
from app.notifications.schemas import MarkReadSchema, MarkedSchema, NotificationQuery, NotificationSchema
from app.notifications.services import mark_read

blp = Blueprint("notifications", __name__, url_prefix="/api/v1", description="通知")


@blp.route("/me/notifications")
class MyNotifications(MethodView):
    @blp.arguments(NotificationQuery, location="query")
    @blp.response(200, NotificationSchema(many=True))
    def get(self, query):
        """My notifications, newest first (the latest 100)."""
        user = require_user()
        statement = select(Notification).where(Notification.user_id == user.id)
        if query["unread"]:
            statement = statement.where(Notification.read_at.is_(None))
        return db.session.scalars(statement.order_by(Notification.id.desc()).limit(100)).all()


@blp.route("/me/notifications/read")
class MarkRead(MethodView):
    @blp.arguments(MarkReadSchema)
    @blp.response(200, MarkedSchema)
    def post(self, data):
        """Mark some (or all) of my notifications read."""
        return {"marked": mark_read(require_user().id, data["ids"])}
