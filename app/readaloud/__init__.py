"""Read-aloud (朗读): a page's main text, as the signed-in person sees it, spoken as MP3.

Where the browser has no speech synthesis (WeChat's browser, Android WebViews) the
朗读 button plays `/read-aloud/<page path>` instead (see app/web/static/app.js).
"""


def init_app(app):
    from app.extensions import api
    from app.readaloud.api_routes import blp
    from app.readaloud.routes import bp

    app.register_blueprint(bp)
    api.register_blueprint(blp)
