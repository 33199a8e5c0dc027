"""The printed kit (打印材料): a notice for the board per vote, a letter per flat (告业主书)
with its claim code, a door-to-door list per stairwell of flats that have not voted, and a
sign-in sheet per meeting. A4 PDFs in large type, for the committee to print and carry."""


def init_app(app):
    from app.extensions import api
    from app.printkit.routes import blp

    api.register_blueprint(blp)
