import click
from flask.cli import AppGroup

from app.notifications.reminders import remind_closing

notifications_cli = AppGroup("notifications", help="Reminders and other notifications.")


@notifications_cli.command("remind-closing")
def remind_closing_command():
    """Remind those who have not answered a consultation closing within 24 hours (idempotent)."""
    click.echo(f"reminded {remind_closing()} people")
