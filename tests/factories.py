"""Factories for tests: real services, no raw inserts where a service exists."""
import itertools
from decimal import Decimal

from app.auth.api import Role, User
from app.auth.api import grant_role
from app.auth.api import issue
from app.estates.api import LedgerRow
from app.estates.api import Flat, FlatLink, LinkStatus, Relation
from app.estates.api import create_estate, import_ledger
from app.extensions import db

_phones = itertools.count(13700000000)


def next_phone() -> str:
    return str(next(_phones))


def make_estate(name="测试小区", built_year=1990, buildings=(("1号楼", 1),), floors=6,
                flats_per_floor=2, area_m2=Decimal("60.00"), areas=None):
    """An estate with a ledger; each flat has its own owner unless `owners` says otherwise.

    `areas` (optional) maps room -> area for every stairwell.
    """
    estate = create_estate(name=name, district="东城区", street="和平里街道", built_year=built_year)
    rows, number = [], 2
    for building, stairwells in buildings:
        for s in range(1, stairwells + 1):
            for floor in range(1, floors + 1):
                for door in range(1, flats_per_floor + 1):
                    room = f"{floor}0{door}"
                    rows.append(LedgerRow(
                        row=number, building=building, stairwell=f"{s}单元", room=room,
                        floor=floor, area_m2=(areas or {}).get(room, area_m2),
                        owner_name=f"业主{number}", owner_phone=None,
                        owner_id_number=f"ID{estate.id}-{number}"))
                    number += 1
    import_ledger(estate.id, rows)
    return estate


def flats_of(estate_id: int) -> list[Flat]:
    return list(db.session.scalars(db.select(Flat).where(Flat.estate_id == estate_id)
                                   .order_by(Flat.id)))


def make_user(phone=None, name=None, roles=(), consented=True) -> User:
    """roles: iterable of (role, estate_id or None). `consented`: the person agreed to the
    current 个人信息处理规则 (as at their first login), so the consent gate lets them by;
    False for a person who has not (tests of the gate)."""
    user = User(phone=phone or next_phone(), name=name)
    db.session.add(user)
    db.session.flush()
    if consented:
        agree_to_rules(user)
    for role, estate_id in roles:
        grant_role(user, Role(role), estate_id)
    db.session.commit()
    return user


def agree_to_rules(user: User, channel: str = "sms") -> None:
    """The person agrees to the current 个人信息处理规则 through the real service (the caller commits)."""
    from app.auth.api import RULES, give
    from app.personal.api import NOTICE_VERSION

    give(user, RULES, NOTICE_VERSION, channel)


def agree_through_api(client, headers: dict) -> None:
    """A first login's consent, as an app gives it: read what to agree to, agree to that version."""
    asked = client.get("/api/v1/me/consents", headers=headers).json["required"]
    rules = next(item for item in asked if item["kind"] == "rules")
    assert client.post("/api/v1/me/consents", headers=headers,
                       json={"kind": "rules", "version": rules["version"]}).status_code == 201


def link(user: User, flat: Flat, relation="owner", status="verified") -> FlatLink:
    flat_link = FlatLink(estate_id=flat.estate_id, flat_id=flat.id, user_id=user.id,
                         relation=Relation(relation), status=LinkStatus(status))
    db.session.add(flat_link)
    db.session.commit()
    return flat_link


def make_owner(flat: Flat, phone=None) -> User:
    user = make_user(phone=phone)
    link(user, flat, "owner")
    return user


def auth(user: User) -> dict:
    return {"Authorization": f"Bearer {issue(user, 'access')}"}


def make_consultation(estate, template_key="elevator_consent", *, actor=None, open_now=True,
                      closes_in=None, **kwargs):
    """A consultation through the real services; opened unless open_now is False."""
    from datetime import timedelta

    from app.consultations.api import create_consultation, open_consultation
    from app.db import utcnow

    actor = actor or make_user(roles=[("committee", estate.id)])
    consultation = create_consultation(
        estate.id, template_key=template_key, actor_id=actor.id,
        closes_at=utcnow() + (closes_in or timedelta(days=7)), **kwargs)
    if open_now:
        open_consultation(consultation, actor.id)
    return consultation


def refresh_token_of(user: User) -> str:
    """The refresh token of a new sign-in (a server-side token family), as a login gives."""
    from app.auth.api import issue_tokens

    return issue_tokens(user)["refresh_token"]


def sign_in_cookie(client, user: User, csrf: str = "x") -> None:
    """Sign a test client's cookie in as `user`: a real server-side web session."""
    from app.auth.api import start_session

    auth_session = start_session(user, "web")
    db.session.commit()
    with client.session_transaction() as session:
        session.update(uid=user.id, ver=user.token_version, sid=auth_session.id, csrf=csrf)


def agreed_on_paper(consultation, committee, answers: dict) -> None:
    """Every flat of the consultation's estate answers `answers` on a paper ballot the
    committee enters: full participation, so any rule of Art. 278 passes (tests/rules count)."""
    from app.consultations.api import cast_assisted_ballot

    for flat in flats_of(consultation.estate_id):
        cast_assisted_ballot(consultation, committee, flat.id, answers, channel="paper",
                             evidence="纸质表决票")


def shown_plan(estate_id: int, actor_id: int):
    """A plan version whose publicity has ended (the co_build guard's precondition)."""
    from datetime import timedelta

    from app.plans.api import services as plans

    version = plans.create_version(estate_id, "改造方案", [{"title": "屋面", "body": "屋面防水翻新"}],
                                   [], actor_id)
    plans.start_publicity(version, actor_id)
    version.publicity_started_at -= timedelta(days=version.publicity_days + 1)
    db.session.commit()
    return version
