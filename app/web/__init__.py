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
    from app.web import (  # noqa: F401 - resident pages (issue 17)
        account, cases_open, projects, sunlight_pages)
    from app.web import console_coplan, coplan  # noqa: F401 - co-planning pages (issue 19)
    from app.web import comanage, console_comanage, street_areas  # noqa: F401 - 共管 (issue 20)
    from app.web import console_jobs  # noqa: F401 - 后台任务 (issue 31)
    from app.web import console_print  # noqa: F401 - 打印材料 (issue 34)
    from app.web import consent, my_data, privacy  # noqa: F401 - 个人信息处理规则, consent, my data (issue 35)
    from app.web import privacy  # noqa: F401 - 个人信息处理规则 (issue 35)
    from app.web import reach_pages  # noqa: F401 - notices and reach (issue 34)
    from app.web.console import bp as console_bp
    from app.web.routes import bp
    from app.web.street import bp as street_bp

    app.register_blueprint(bp)
    app.register_blueprint(console_bp)
    app.register_blueprint(street_bp)
