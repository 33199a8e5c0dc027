"""Web: the resident pages and the committee console, server-rendered.

Pages read through the same permission checks and services as the API; every
change is made by the page's script calling the JSON API with the cookie
session and the CSRF header. All assets are served from here: no CDN (the
Content-Security-Policy and cookie flags are set by app/hardening).
"""


def init_app(app):
    from app.web import (  # noqa: F401 - their pages join the blueprints
        console_cases, console_consultations, console_corrections, console_elevators, console_paper,
        console_projects,
        consultations, elevators, home, sunlight)
    from app.web import (  # noqa: F401 - resident pages
        account, cases_open, projects, sunlight_pages)
    from app.web import console_coplan, coplan  # noqa: F401 - co-planning pages
    from app.web import comanage, console_comanage, street_areas  # noqa: F401 - 共管 pages
    from app.web import privacy  # noqa: F401 - 个人信息处理规则
    from app.web.console import bp as console_bp
    from app.web.routes import bp
    from app.web.street import bp as street_bp

    app.register_blueprint(bp)
    app.register_blueprint(console_bp)
    app.register_blueprint(street_bp)
