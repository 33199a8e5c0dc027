"""QR codes: signed, revocable links on stairwell and building posters, and the page a scan opens."""


def init_app(app):
    from app.extensions import api
    from app.qr.cli import qr_cli
    from app.qr.pages import pages
    from app.qr.routes import blp

    api.register_blueprint(blp)
    app.register_blueprint(pages)
    app.cli.add_command(qr_cli)
