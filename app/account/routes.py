"""The resident's own data: export and account deletion."""
from flask import session
from flask.views import MethodView
from flask_smorest import Blueprint

from app.account import services
from app.account.schemas import ExportSchema
from app.auth.api import require_user

blp = Blueprint("account", __name__, url_prefix="/api/v1", description="我的数据")


@blp.route("/me/export")
class MyExport(MethodView):
    @blp.response(200, ExportSchema)
    def get(self):
        """Download everything stored about me (JSON)."""
        return services.export_data(require_user())


@blp.route("/me")
class MyAccount(MethodView):
    @blp.response(204)
    def delete(self):
        """Delete my account: identity goes, my ballots stay counted."""
        services.delete_account(require_user())
        session.clear()
