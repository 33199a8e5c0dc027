from pathlib import Path

import click
from flask.cli import AppGroup

from app.errors import DomainError
from app.qr.services import estate_posters

qr_cli = AppGroup("qr", help="QR codes and posters.")


@qr_cli.command("posters")
@click.argument("estate_id", type=int)
@click.argument("out", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def posters_command(estate_id, out):
    """Write ESTATE_ID's stairwell posters (one A4 page each) to OUT as PDF."""
    try:
        out.write_bytes(estate_posters(estate_id))
    except DomainError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"wrote {out}")
