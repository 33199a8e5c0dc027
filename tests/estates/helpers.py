"""Helpers shared by the tests of this folder, so no test module imports another."""
import io
from sqlalchemy import func, select
from app.estates.api import Building, Flat, Owner, OwnerPerson, Stairwell
from app.extensions import db
from tests.factories import auth


def send(client, estate, user, data, filename, preview=False):
    query = "?preview=1" if preview else ""
    return client.post(f"/api/v1/estates/{estate.id}/flats/import{query}", headers=auth(user),
                       data={"file": (io.BytesIO(data), filename)}, content_type="multipart/form-data")


def flat_at(estate_id, building, stairwell, room) -> Flat:
    return db.session.scalar(select(Flat).join(Building, Flat.building_id == Building.id)
                             .join(Stairwell, Flat.stairwell_id == Stairwell.id)
                             .where(Flat.estate_id == estate_id, Building.name == building,
                                    Stairwell.name == stairwell, Flat.room == room))
