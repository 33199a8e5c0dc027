from pathlib import Path

import click
from flask.cli import AppGroup

from app.errors import DomainError
from app.qr.services import estate_posters, link_for, place_of

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


@qr_cli.command("link")
@click.argument("kind", type=click.Choice(["stairwell", "building"]))
@click.argument("place_id", type=int)
def link_command(kind, place_id):
    """Print the current link of a stairwell's or building's code (to open it without scanning)."""
    place = place_of(kind, place_id)
    if place is None:
        raise click.ClickException("没有找到")
    click.echo(link_for(place))
