"""System routes: health for load balancers and benchmarks."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.schemas import BaseSchema, fields

blp = Blueprint("system", __name__, url_prefix="/api/v1", description="系统")


class HealthSchema(BaseSchema):
    status = fields.String()


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self):
        """Liveness: answers without touching the database."""
        return {"status": "ok"}


def init_app(app):
    from app.extensions import api

    api.register_blueprint(blp)
    from app.system import metrics

    metrics.init_app(app)
