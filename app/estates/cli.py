from pathlib import Path

import click
from flask.cli import AppGroup

from app.errors import DomainError
from app.estates import messages
from app.estates.ledger import read_ledger
from app.estates.models import Estate
from app.estates.services import get_or_404, import_ledger

estates_cli = AppGroup("estates", help="Estates and their ledgers.")


@estates_cli.command("import")
@click.argument("estate_id", type=int)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(estate_id, file):
    """Import a ledger (CSV or XLSX) into ESTATE_ID; all rows or none."""
    try:
        get_or_404(Estate, estate_id)
        result = import_ledger(estate_id, read_ledger(file.read_bytes(), file.name))
    except DomainError as error:
        for row, problems in (error.fields.get("rows") or {}).items():
            for column, message in problems.items():
                click.echo(messages.LEDGER_ROW_ERROR.format(
                    row=row, column=messages.COLUMN_LABELS[column], message=message), err=True)
        raise click.ClickException(error.message) from error
    click.echo(f"created {result['created']}, updated {result['updated']}")
