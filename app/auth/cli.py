import click
from flask.cli import AppGroup

from app.auth.models import Role
from app.auth.services import get_or_create_user, grant_role, normalize_phone
from app.errors import DomainError
from app.extensions import db

users_cli = AppGroup("users", help="Accounts and roles.")


@users_cli.command("grant")
@click.argument("phone")
@click.argument("role", type=click.Choice([r.value for r in Role]))
@click.option("--estate", "estate_id", type=int, default=None, help="estate id, for committee and moderator")
def grant_command(phone, role, estate_id):
    """Give PHONE the ROLE (creating the account if needed)."""
    try:
        user = get_or_create_user(normalize_phone(phone))
        grant_role(user, Role(role), estate_id)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(error.message) from error
    db.session.commit()
    where = f" in estate {estate_id}" if estate_id else ""
    click.echo(f"user {user.id} ({phone}) is now {role}{where}")
