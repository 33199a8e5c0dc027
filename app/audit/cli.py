import click
from flask.cli import AppGroup

from app.audit.services import verify_all

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
