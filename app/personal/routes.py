"""Consents through the API: what to agree to (with the current versions), and agreeing."""
from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import consent
from app.auth.api import messages as auth_messages
from app.auth.api import User
from app.auth.api import require_user
from app.personal import messages
from app.personal.schemas import ConsentInSchema, ConsentSchema, MyConsentsSchema

blp = Blueprint("personal", __name__, url_prefix="/api/v1", description="个人信息与同意")


def current_versions() -> dict[str, str]:
    return {consent.RULES: messages.NOTICE_VERSION, **consent.VERSIONS}


def consents_view(user: User) -> dict:
    versions = current_versions()
    texts = {consent.RULES: " ".join((messages.CONSENT_INTRO, *messages.CONSENT_ITEMS)),
             consent.ID_NUMBER: auth_messages.ID_NUMBER_CONSENT}
    return {"required": [{"kind": kind, "version": versions[kind], "text": text,
                          "agreed": consent.has(user, kind, versions[kind]),
                          "url": url_for("web.privacy")} for kind, text in texts.items()],
            "history": consent.of(user.id)}


@blp.route("/me/consents")
class MyConsents(MethodView):
    @blp.response(200, MyConsentsSchema)
    def get(self):
        """What I am asked to agree to (current versions, agreed or not) and every consent I gave."""
        return consents_view(require_user())

    @blp.arguments(ConsentInSchema)
    @blp.response(201, ConsentSchema)
    @blp.alt_response(409, description="consent_outdated: a newer version exists; read it first")
    def post(self, data):
        """Agree to the current version of the processing rules (what a 403 `consent_required`
        asks for) or, separately, to the processing of my ID number."""
        user = require_user()
        kind = data["kind"]
        return consent.accept(user, kind, data["version"], current_versions()[kind],
                              consent.request_channel())
