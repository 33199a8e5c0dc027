"""POST /api/v1/read-aloud: the text a person sees on the page now, spoken.

Pages fill much of what they show by script (results, lists, the live tally), so a page
rendered again on the server would read "正在加载…". The 朗读 button sends the page's
main content as the browser shows it (what is not on screen marked to skip); the server
takes its text the one way (extract.main_text), rewrites numbers, dates and money as
people say them (speech_text.speakable), and answers that text for the browser's own
voice, or an MP3 address when the browser has no Chinese voice.
"""
from flask import send_file, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import fields, validate

from app.errors import NotFound
from app.extensions import limit_from_config
from app.readaloud import messages
from app.readaloud.extract import spoken_text
from app.readaloud.synth import audio_for, cached_audio
from app.schemas import BaseSchema

blp = Blueprint("read_aloud", __name__, url_prefix="/api/v1", description="朗读")

#: the main content of a long page (a 40-item ballot is about 30,000 characters of HTML);
#: within MAX_JSON_BODY_BYTES even when every character takes three bytes
MAX_HTML = 80_000


class ReadAloudInSchema(BaseSchema):
    html = fields.String(required=True, validate=validate.Length(min=1, max=MAX_HTML), metadata={
        "description": "the page's <main> as the browser shows it; hidden parts marked data-read-aloud=skip"})
    audio = fields.Boolean(load_default=False, metadata={
        "description": "also make the speech as MP3 (for a browser without a Chinese voice)"})


class ReadAloudSchema(BaseSchema):
    text = fields.String(metadata={"description": "the text as it is to be spoken"})
    audio_url = fields.String(allow_none=True, metadata={"description": "the MP3, when asked for"})


@blp.route("/read-aloud")
class ReadAloud(MethodView):
    decorators = [limit_from_config("RATELIMIT_READ_ALOUD_PER_USER", per_user=True)]

    @blp.arguments(ReadAloudInSchema)
    @blp.response(200, ReadAloudSchema)
    def post(self, data):
        """The spoken text of what the page shows now, and its MP3 when asked (anyone)."""
        text = spoken_text(data["html"])
        if not text.strip():
            raise NotFound(messages.NOTHING_TO_READ, code="nothing_to_read")
        audio_url = None
        if data["audio"]:
            _, key = audio_for(text)
            audio_url = url_for("readaloud.audio", key=key)
        return {"text": text, "audio_url": audio_url}


def serve_audio(key: str):
    """An MP3 made for a POST above, by its key (a SHA-256 of the text: only who sent the
    text knows it); 404 once the cache has let it go."""
    path = cached_audio(key)
    if path is None:
        raise NotFound(messages.NOTHING_TO_READ, code="nothing_to_read")
    response = send_file(path, mimetype="audio/mpeg", etag=key, conditional=True, max_age=0)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response
