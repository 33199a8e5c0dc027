from datetime import datetime, timezone
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from app.backup.archive import BackupError, create_backup, restore_backup
from app.extensions import db

backup_cli = AppGroup("backup", help="Back up and restore the database and stored photos.")


def _media_root() -> str | None:
    """The local photo folder; with MEDIA_STORE=s3 the bucket keeps the photos (back it up
    with the provider's versioning or replication, README "Backups")."""
    config = current_app.config
    return config["MEDIA_ROOT"] if config["MEDIA_STORE"] == "local" else None


@backup_cli.command("create")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The archive to write (default: BACKUP_DIR/gongzhi-<UTC time>.tar.gz).")
def create_command(output):
    """Write one archive: the database, the photos, and every table's row count."""
    if output is None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        output = Path(current_app.config["BACKUP_DIR"]) / f"gongzhi-{stamp}.tar.gz"
    try:
        manifest = create_backup(db.engine, _media_root(), output)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    rows = sum(manifest.counts.values())
    click.echo(f"{output}: {manifest.database} at {manifest.revision}, {rows} rows in "
               f"{len(manifest.counts)} tables, {manifest.media_files} photos")


@backup_cli.command("restore")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def restore_command(archive):
    """Restore ARCHIVE into DATABASE_URL's database, which must be new and empty, and its
    photos into MEDIA_ROOT; the row counts are checked. Then run `flask audit verify`."""
    try:
        manifest = restore_backup(db.engine, _media_root(), archive)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"restored {archive} (made {manifest.created_at}): "
               f"{sum(manifest.counts.values())} rows in {len(manifest.counts)} tables, "
               f"{manifest.media_files} photos; every table's row count matches")
