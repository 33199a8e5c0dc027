"""Web: the resident pages and the committee console, server-rendered.

Pages read through the same permission checks and services as the API; every
change is made by the page's script calling the JSON API with the cookie
session and the CSRF header. All assets are served from here: no CDN (the
Content-Security-Policy and cookie flags are set by app/hardening).

Layout: one folder per domain (consultations/, cases/, contributions/, elevators/, projects/, comanage/,
coplan/, street/, sunlight/, account/, heavyjobs/, printkit/, reach/) holding that domain's pages, resident (`pages.py`)
and console (`console.py`); shared here: the blueprints (`routes.py` resident pages,
`console.py`), what every page gets (`pages.py`), form posts (`forms.py`), the resident
home (`home.py`), the page texts (`messages*.py`, merged into the one `m` table every
template reads) and the one layout (templates/web/base.html).
"""


def init_app(app):
    # the page modules join the blueprints when imported
    from app.web import home  # noqa: F401
    from app.web.account import consent, my_data, pages as account_pages, privacy  # noqa: F401
    from app.web.cases import console as cases_console, open as cases_open  # noqa: F401
    from app.web.comanage import console as comanage_console, pages as comanage_pages  # noqa: F401
    from app.web.contributions import console as contributions_console, pages as contributions_pages  # noqa: F401
    from app.web.consultations import (  # noqa: F401
        console as consultations_console, console_corrections, console_paper,
        pages as consultations_pages)
    from app.web.coplan import console as coplan_console, pages as coplan_pages  # noqa: F401
    from app.web.elevators import console as elevators_console, pages as elevators_pages  # noqa: F401
    from app.web.heavyjobs import console as heavyjobs_console  # noqa: F401
    from app.web.printkit import console as printkit_console  # noqa: F401
    from app.web.projects import console as projects_console, pages as projects_pages  # noqa: F401
    from app.web.reach import pages as reach_pages  # noqa: F401
    from app.web.street import areas  # noqa: F401
    from app.web.sunlight import pages as sunlight_pages, windows  # noqa: F401
    from app.web.console import bp as console_bp
    from app.web.routes import bp
    from app.web.street.pages import bp as street_bp

    app.register_blueprint(bp)
    app.register_blueprint(console_bp)
    app.register_blueprint(street_bp)
