"""Consultations: surveys, content votes, elevator consent, resolutions and evaluations.

Templates are data (`consultation_templates/`), validated when the app starts: a
bad file stops start-up naming the file and the field.
"""
from pathlib import Path


def init_app(app):
    from app.consultations import messages
    from app.consultations.cli import consultations_cli
    from app.consultations.routes import blp
    from app.consultations.templates import REQUIRED_TEMPLATES, catalogue_index, load_templates
    from app.consultations.services import close_due
    from app.extensions import api
    from app.jobs.api import register_job
    from app.rules.api import DataFileError, init_app as init_rules

    init_rules(app)
    directory = Path(app.config["TEMPLATES_DIR"])
    templates = load_templates(directory, app.extensions["rules"])
    absent = [key for key in REQUIRED_TEMPLATES if key not in templates]
    if absent:
        raise DataFileError(f"{directory}: key: missing required templates {absent}")
    app.extensions["consultation_templates"] = templates
    app.extensions["catalogue_items"] = catalogue_index(directory)
    api.register_blueprint(blp)
    app.cli.add_command(consultations_cli)
    register_job(app, "consultations.close_due", close_due, every_s=60, label=messages.JOB_CLOSE_DUE)
