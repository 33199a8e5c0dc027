"""我的个人信息 (/account/data): what the platform keeps about me, as I read it, with the
PDF to print and the complete JSON (GET /api/v1/me/export) beside it. Reads only."""
from flask import Response, render_template

from app.account.api import messages
from app.account.api import readable_export, readable_pdf
from app.auth.api import require_user
from app.db import utcnow
from app.web.routes import bp


@bp.get("/account/data")
def my_data():
    user = require_user()
    return render_template("web/account/my_data.html", am=messages, sections=readable_export(user),
                           exported=messages.MY_DATA_EXPORTED)


@bp.get("/account/data.pdf")
def my_data_pdf():
    user = require_user()
    pdf = readable_pdf(user, readable_export(user), utcnow())
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": "attachment; filename=my-data.pdf", "Cache-Control": "no-store"})
