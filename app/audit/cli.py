import click
from flask.cli import AppGroup

from app.audit.services import chain_of, check_published_head, current_head, verify_all

audit_cli = AppGroup("audit", help="The hash-chained audit log.")


@audit_cli.command("verify")
def verify_command():
    """Check every chain; exit 1 at the first broken entry."""
    broken = False
    for report in verify_all():
        if report.broken_at is None:
            click.echo(f"{report.chain}: {report.entries} entries OK, head {report.head_hash}")
        else:
            broken = True
            click.echo(f"{report.chain}: BROKEN at entry {report.broken_at}: {report.reason}")
    raise SystemExit(1 if broken else 0)


@audit_cli.command("head")
@click.argument("estate_id", type=int)
def head_command(estate_id):
    """Print ESTATE_ID's current head as `SEQ HASH`, to publish."""
    seq, digest = current_head(chain_of(estate_id))
    click.echo(f"{seq} {digest}")


@audit_cli.command("check-head")
@click.argument("estate_id", type=int)
@click.argument("seq", type=int)
@click.argument("hash_")
def check_head_command(estate_id, seq, hash_):
    """Exit 0 if ESTATE_ID's chain verifies and still holds the published SEQ HASH."""
    check = check_published_head(chain_of(estate_id), seq, hash_)
    if check.contains:
        click.echo(f"estate:{estate_id}: contains {seq} {hash_}; now at {check.seq} {check.hash}")
        raise SystemExit(0)
    click.echo(f"estate:{estate_id}: does NOT contain {seq} {hash_}: {check.reason}")
    raise SystemExit(1)
