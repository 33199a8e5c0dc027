import click
from flask.cli import AppGroup

from app.consultations.services import close_due

consultations_cli = AppGroup("consultations", help="Consultations and votes.")


@consultations_cli.command("close-due")
def close_due_command():
    """Close every open consultation whose closing time has passed (run from cron)."""
    closed = close_due()
    click.echo(f"closed {len(closed)}" + (f": {', '.join(map(str, closed))}" if closed else ""))
