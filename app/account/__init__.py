"""A resident's own data (PIPL): export it, and delete the account.

Deleting removes identity (phone, name, WeChat openid, sessions, flat links,
roles, login codes, notifications) and keeps what others' decisions rest on:
ballots, posts and audit entries stay, pointing at an account with no identity.
"""


def init_app(app):
    from app.account.routes import blp
    from app.extensions import api

    api.register_blueprint(blp)
