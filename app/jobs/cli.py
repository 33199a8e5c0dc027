import click
from flask import current_app
from flask.cli import AppGroup

from app.jobs.registry import jobs_of
from app.jobs.runner import run_due, run_forever

jobs_cli = AppGroup("jobs", help="The scheduler: closes due votes, sends reminders and queued SMS.")


@jobs_cli.command("run")
@click.option("--once", is_flag=True, help="Run what is due now and exit.")
@click.option("--tick", default=None, type=float, help="Seconds between two looks (JOBS_TICK_S).")
def run_command(once, tick):
    """Run the scheduler (long-running; `make run` starts it beside the server)."""
    app = current_app._get_current_object()
    if once:
        ran = run_due(app)
        click.echo(f"ran {len(ran)}" + (f": {', '.join(ran)}" if ran else ""))
        return
    run_forever(app, tick or app.config["JOBS_TICK_S"])


@jobs_cli.command("list")
def list_command():
    """The registered jobs and how often each runs."""
    for job in jobs_of(current_app).values():
        click.echo(f"{job.name}\tevery {job.every_s} s")
