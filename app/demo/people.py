"""The demo's people and places: its accounts and their flats by what they do, a flat by its
address, and a generated site photo."""
import io
from datetime import timedelta

from sqlalchemy import select

from app.auth.api import User
from app.demo import data
from app.estates.api import Building, Flat, Stairwell
from app.extensions import db

DAY = timedelta(days=1)


def user(phone: str) -> User:
    return db.session.scalar(select(User).where(User.phone == phone))


def flat(estate_id: int, building: str, stairwell: str, room: str) -> Flat:
    return db.session.scalar(
        select(Flat).join(Stairwell, Flat.stairwell_id == Stairwell.id)
        .join(Building, Flat.building_id == Building.id)
        .where(Flat.estate_id == estate_id, Building.name == building,
               Stairwell.name == stairwell, Flat.room == room))


class People:
    """The demo's accounts and their flats, by what they do in the demo."""

    def __init__(self, estate_id: int):
        self.estate_id = estate_id
        self.staff = user(data.STAFF_PHONE)
        self.committee = user(data.COMMITTEE_PHONE)
        self.owners = []  # (user, flat) of every owner account, one flat each
        for phone, _name, building, stairwell, room, relation in data.RESIDENTS:
            if relation == "owner":
                self.owners.append((user(phone), flat(estate_id, building, stairwell, room)))
        phone6, _name6, flats6 = data.TWO_FLAT_OWNER
        self.owners.append((user(phone6), flat(estate_id, *flats6[0])))
        self.second_flat = flat(estate_id, *flats6[1])  # 周国华's 3号楼 1单元 202
        self.tenant = user(data.RESIDENTS[3][0])


def photo(text_colour=(200, 120, 40)) -> bytes:
    """A small generated site photo (Pillow): scaffolding stripes on a wall."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 480), (215, 210, 200))
    draw = ImageDraw.Draw(image)
    for x in range(40, 640, 80):
        draw.rectangle([x, 60, x + 12, 460], fill=text_colour)
    for y in range(60, 480, 70):
        draw.rectangle([40, y, 600, y + 8], fill=(120, 120, 120))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()
