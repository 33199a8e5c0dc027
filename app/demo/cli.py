import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.auth.api import Role
from app.auth.api import get_or_create_user, grant_role
from app.demo import data
from app.estates.api import LedgerRow
from app.estates.api import Estate, Flat, FlatLink, LinkStatus, Relation, Stairwell, Building
from app.estates.api import create_estate, import_ledger
from app.extensions import db

demo_cli = AppGroup("demo", help="The demo estate.")


def load_demo(activity: bool = False) -> Estate:
    """The demo estate; with `activity`, every capability in use on it too (app/demo/activity.py).
    Loading again changes nothing."""
    existing = db.session.scalar(select(Estate).where(Estate.name == data.ESTATE["name"]))
    if existing is None:
        existing = _load_base()
    if activity:
        from app.demo import activity as activity_

        activity_.load(existing.id)
    return existing


def _load_base() -> Estate:
    estate = create_estate(**data.ESTATE)
    rows = [LedgerRow(row=i, **row) for i, row in enumerate(data.ledger_rows(), start=2)]
    import_ledger(estate.id, rows)
    grant_role(get_or_create_user(data.STAFF_PHONE), Role.staff)
    grant_role(get_or_create_user(data.COMMITTEE_PHONE), Role.committee, estate.id)
    grant_role(get_or_create_user(data.MODERATOR_PHONE), Role.moderator, estate.id)
    committee = get_or_create_user(data.COMMITTEE_PHONE)
    for phone, name in data.STAFF_NAMES.items():
        get_or_create_user(phone).name = name
    places = [(phone, name, [(b, s, r)], rel) for phone, name, b, s, r, rel in data.RESIDENTS]
    phone6, name6, flats6 = data.TWO_FLAT_OWNER
    places.append((phone6, name6, flats6, "owner"))
    for phone, name, flats, relation in places:
        user = get_or_create_user(phone)
        user.name = name
        for building, stairwell, room in flats:
            flat = db.session.scalar(
                select(Flat).join(Stairwell, Flat.stairwell_id == Stairwell.id)
                .join(Building, Flat.building_id == Building.id)
                .where(Flat.estate_id == estate.id, Building.name == building,
                       Stairwell.name == stairwell, Flat.room == room))
            db.session.add(FlatLink(estate_id=estate.id, flat_id=flat.id, user_id=user.id,
                                    relation=Relation(relation), status=LinkStatus.verified,
                                    via="claim", decided_by_id=committee.id))
    db.session.commit()
    from app.demo import sunlight

    sunlight.load(estate.id, committee.id)  # 2号楼 1单元's elevator and its sunlight analysis
    return estate


@demo_cli.command("load")
@click.option("--activity", is_flag=True,
              help="Also put every capability in use: votes, cases, projects, plans, fund, notices.")
def load_command(activity: bool):
    """Load the demo estate (does nothing if it is already there)."""
    estate = load_demo(activity=activity)
    click.echo(f"demo estate {estate.id}: {estate.name}")
