"""Backups that restore: `flask backup create` / `flask backup restore` (README, "Backups").

One archive file holds the database (pg_dump's custom format for PostgreSQL, SQLite's
online backup for the embedded default), the stored photos of the local media store,
and a manifest with the row count of every table, checked again after a restore.
"""


def init_app(app):
    from app.backup.cli import backup_cli

    app.cli.add_command(backup_cli)
