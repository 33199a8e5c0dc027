import re

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import require_member
from app.errors import NotFound
from app.media.storage import media_store

blp = Blueprint("media", __name__, url_prefix="/api/v1", description="照片")

KEY_RE = re.compile(r"^estate-(\d+)/[0-9a-f]{32}\.jpg$")


@blp.route("/media/<path:key>")
class Media(MethodView):
    @blp.response(200, content_type="image/jpeg")
    def get(self, key):
        """A stored photo, for members of its estate."""
        match = KEY_RE.match(key)
        if not match:
            raise NotFound()
        require_member(int(match.group(1)))
        data = media_store().get(key)
        if data is None:
            raise NotFound()
        return Response(data, mimetype="image/jpeg",
                        headers={"Cache-Control": "private, max-age=86400"})
