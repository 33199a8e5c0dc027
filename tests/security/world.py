"""Two estates with one of every kind of object, and a person for every role.

Built through the real services (tests/factories.py and each domain's services), so
the access matrix and the fuzzing test look at the same data a live estate holds.
Estate A (甲) is the one requests aim at; estate B (乙) is "the other estate", with
its own committee and residents, and its own objects (which must stay invisible).

Names and phones of the people are fixed, so that tests can look for them in answers.
"""
import io
from dataclasses import dataclass, field
from datetime import date, timedelta

from PIL import Image

from app.auth.api import User
from app.cases.api import services as cases
from app.consultations.api import services as consultations
from app.db import utcnow
from app.elevators.api import services as elevators
from app.elevators.api import Stage
from app.estates.api import FlatLink, Relation, Stairwell
from app.estates.api import claim_flat
from app.extensions import db
from app.notifications.api import notify
from app.projects.api import fund, services as projects
from app.projects.api import start_evaluation
from app.projects.api import FundEntryKind, Phase
from app.qr.api import services as qr
from tests.factories import flats_of, link, make_consultation, make_estate, make_user

ROLES = ("anonymous", "other_resident", "other_committee", "unverified", "tenant", "owner",
         "moderator", "committee", "staff")

# People whose names and phones must show masked to anyone but themselves and the committee.
OWNER_NAME, OWNER_PHONE = "张三丰", "13812340000"
TENANT_NAME, TENANT_PHONE = "李四海", "13812341111"
RELATIVE_PHONE = "13812342222"
WITNESS_PHONE = "13812343333"

COEFFICIENTS = {"1": "0", "2": "1"}


def photo_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (30, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def elevator_body(**overrides) -> dict:
    body = {"total_cost_cents": 40_000_000, "subsidy_cents": 10_000_000,
            "floor_coefficients": dict(COEFFICIENTS), "publicity_days": 10,
            "closes_at": (utcnow() + timedelta(days=14)).isoformat()}
    body.update(overrides)
    return body


@dataclass
class EstateObjects:
    """One estate's objects (ids), the same kinds for A and B."""

    estate: object = None
    flats: list = field(default_factory=list)
    stairwell_id: int = 0
    other_stairwell_id: int = 0
    building_id: int = 0
    open_consultation_id: int = 0
    draft_consultation_id: int = 0
    published_consultation_id: int = 0
    case_id: int = 0
    post_id: int = 0
    project_id: int = 0
    evaluation_id: int = 0
    complaint_id: int = 0
    claim_id: int = 0
    proxy_id: int = 0
    elevator_id: int = 0
    objection_id: int = 0
    media_key: str = ""

    def place_id(self, kind: str) -> int:
        return self.stairwell_id if kind == "stairwell" else self.building_id


class World:
    """people[role] is the user acting as that role (None for anonymous)."""

    def __init__(self):
        self.a = self._estate("甲小区")
        self.b = self._estate("乙小区")
        a, b = self.a, self.b
        self.people = self.new_people(OWNER_PHONE, TENANT_PHONE)
        for role, user in self.people.items():
            setattr(self, role, user)
        a.claim_id = db.session.scalar(db.select(FlatLink.id).where(
            FlatLink.user_id == self.unverified.id))
        self._fill(a, self.committee, self.owner, self.tenant)
        b_owner = self.other_resident
        b_claimant = make_user(name="郑申请")
        b.claim_id = claim_flat(b_claimant, b.flats[3], Relation.owner).id
        self._fill(b, self.other_committee, b_owner, b_owner)
        notify(self.owner.id, estate_id=a.estate.id, kind="test", title="通知", body="请投票")
        db.session.commit()

    def new_people(self, owner_phone=None, tenant_phone=None) -> dict:
        """A person for each role (anonymous: None); call again for another set."""
        a, b = self.a, self.b
        owner = make_user(phone=owner_phone, name=OWNER_NAME)
        link(owner, a.flats[0], "owner")
        link(owner, a.flats[1], "owner")
        tenant = make_user(phone=tenant_phone, name=TENANT_NAME)
        link(tenant, a.flats[2], "tenant")
        unverified = make_user(name="钱未核")
        claim_flat(unverified, a.flats[3], Relation.owner)
        other_resident = make_user(name="吴邻居")
        link(other_resident, b.flats[0], "owner")
        return {"anonymous": None, "other_resident": other_resident,
                "other_committee": make_user(name="赵委员", roles=[("committee", b.estate.id)]),
                "unverified": unverified, "tenant": tenant, "owner": owner,
                "moderator": make_user(name="孙版主", roles=[("moderator", a.estate.id)]),
                "committee": make_user(name="王委员", roles=[("committee", a.estate.id)]),
                "staff": make_user(name="周街道", roles=[("staff", None)])}

    @staticmethod
    def _estate(name) -> EstateObjects:
        estate = make_estate(name=name, buildings=(("1号楼", 2),), floors=2, flats_per_floor=2)
        flats = flats_of(estate.id)
        objects = EstateObjects(estate=estate, flats=flats, stairwell_id=flats[0].stairwell_id,
                                other_stairwell_id=flats[-1].stairwell_id)
        objects.building_id = db.session.get(Stairwell, objects.stairwell_id).building_id
        return objects

    def _fill(self, e: EstateObjects, committee: User, owner: User, poster: User):
        estate_id = e.estate.id
        opened = make_consultation(e.estate, "willingness_survey", actor=committee)
        e.open_consultation_id = opened.id
        consultations.cast_assisted_ballot(opened, committee, e.flats[4].id, {"willing": "agree",
                                           "contribute": "unsure"}, channel="paper",
                                           evidence="纸质选票", witness_phone=WITNESS_PHONE)
        e.draft_consultation_id = make_consultation(
            e.estate, "willingness_survey", actor=committee, open_now=False).id
        published = make_consultation(e.estate, "willingness_survey", actor=committee)
        consultations.cast_ballot(published, owner, e.flats[0].id, {"willing": "agree",
                                                                     "contribute": "willing"})
        consultations.close_consultation(published, committee.id)
        consultations.publish_consultation(published, committee.id)
        e.published_consultation_id = published.id

        case = cases.create_case(estate_id, title="占用绿地", description="北侧绿地被占",
                                 affected_flat_ids=[e.flats[0].id], actor_id=owner.id)
        e.case_id = case.id
        e.post_id = cases.create_post(case, poster, "我有意见").id

        project = projects.create_project(estate_id, "综合改造", 100_000_00, committee.id)
        e.project_id = project.id
        progress = projects.post_progress(project, committee.id, "committee", "开工了",
                                          [photo_jpeg()])
        e.media_key = progress.photos[0].storage_key
        projects.report_supervision(project, owner.id, "脚手架不稳")
        e.evaluation_id = start_evaluation(project, utcnow() + timedelta(days=7), committee.id).id
        project.evaluation_id, project.phase = e.evaluation_id, Phase.co_evaluate  # its own, in 共评
        db.session.commit()
        e.complaint_id = projects.file_complaint(estate_id, owner.id, "噪音", "夜间施工",
                                                 False, project.id).id
        fund.add_fund_entry(estate_id, FundEntryKind.collected, 500_000, date.today(),
                            "归集", committee.id)

        e.proxy_id = consultations.authorise_proxy(owner, e.flats[0], RELATIVE_PHONE).id

        stairwell = db.session.get(Stairwell, e.stairwell_id)
        body = elevator_body()
        body.pop("closes_at")
        elevator = elevators.create_project(stairwell, closes_at=utcnow() + timedelta(days=14),
                                            actor_id=committee.id, **body)
        e.elevator_id = elevator.id
        # The stage guards are tested in tests/elevators; here the project only has to be
        # where an objection can be raised, so it is put there directly.
        elevator.stage = Stage.publicity
        elevator.publicity_started_at = utcnow()
        db.session.commit()
        e.objection_id = elevators.raise_objection(elevator, owner.id, e.flats[0].id, "挡光").id

        db.session.commit()

    # -- fresh objects, for requests that change what they touch --------------------------

    def qr_token(self) -> str:
        """The current token of A's stairwell 1 code (rotating it voids the earlier ones)."""
        return qr.link_for(qr.get_place_or_404("stairwell", self.a.stairwell_id)).rsplit("/", 1)[1]

    def sunlight_body(self) -> dict:
        """A small site of A: one building, a bike shed south of it, flat 101's window; A's case."""
        return {"latitude": 39.95, "longitude": 116.41, "day": "dahan", "step_minutes": 10,
                "case_id": self.a.case_id,
                "buildings": [{"name": "1号楼", "height_m": 18, "footprint": [[-20, 0], [20, 0], [20, 12], [-20, 12]]}],
                "proposed": [{"name": "车棚", "kind": "other", "height_m": 3, "footprint": [[-2, -4], [2, -4], [2, 0], [-2, 0]]}],
                "windows": [{"label": "101", "flat_id": self.a.flats[0].id, "x": -4, "y": 0, "z": 1.5, "facing_deg": 180}]}

    def sunlight_id(self) -> int:
        """An analysis of A's case (every member of A reads it), made once per world."""
        if not hasattr(self, "_sunlight_id"):
            from app.sunlight.api import services as sunlight
            from app.sunlight.api import SunlightInSchema

            body = SunlightInSchema().load(self.sunlight_body())
            self._sunlight_id = sunlight.create_analysis(self.a.estate.id, body, self.committee.id).id
        return self._sunlight_id

    def paper_sheet(self) -> bytes:
        """A photo of A's open consultation's sheet for flat 7 (rendered once per world)."""
        if not hasattr(self, "_paper_sheet"):
            from tests.paperballots.sheets import sheet_photo

            opened = consultations.get_consultation(self.a.open_consultation_id)
            self._paper_sheet = sheet_photo(opened, self.a.flats[6].id, {
                ("willing", None): "agree", ("contribute", None): "unsure"}, turn_deg=3)
        return self._paper_sheet

    def paper_scan_id(self) -> int:
        """One draft scan kept for the read-only rows."""
        if not hasattr(self, "_paper_scan_id"):
            self._paper_scan_id = self.fresh_paper_scan()
        return self._paper_scan_id

    def fresh_paper_scan(self) -> int:
        """A new draft scan of that sheet (confirming or rejecting one decides it)."""
        from app.paperballots.api import read_scan

        opened = consultations.get_consultation(self.a.open_consultation_id)
        return read_scan(opened, self.committee.id, self.paper_sheet()).id

    def fresh_claim(self) -> int:
        user = make_user()
        return claim_flat(user, self.a.flats[3], Relation.tenant).id

    def fresh_consultation(self, open_now=True) -> int:
        return make_consultation(self.a.estate, "willingness_survey", actor=self.committee,
                                 open_now=open_now).id

    def closed_consultation(self) -> int:
        consultation = make_consultation(self.a.estate, "willingness_survey", actor=self.committee)
        consultations.close_consultation(consultation, self.committee.id)
        return consultation.id

    def fresh_case(self) -> int:
        return cases.create_case(self.a.estate.id, title="噪音", description="夜间施工",
                                 affected_flat_ids=[self.a.flats[0].id], actor_id=self.owner.id).id

    def fresh_post(self, author=None) -> int:
        from app.cases.api import Case

        return cases.create_post(db.session.get(Case, self.fresh_case()),
                                 author or self.owner, "补充一点").id

    def hidden_post(self) -> int:
        from app.cases.api import Post

        post = db.session.get(Post, self.fresh_post())
        cases.hide_post(post, self.committee.id, "人身攻击")
        return post.id

    def locked_case(self) -> int:
        from app.cases.api import Case

        case = db.session.get(Case, self.fresh_case())
        cases.lock_case(case, self.committee.id, "冷静一下")
        return case.id

    def fresh_project(self, phase: Phase = Phase.co_plan) -> int:
        project = projects.create_project(self.a.estate.id, "单项改造", 10_000_00, self.committee.id)
        project.phase = phase
        db.session.commit()
        return project.id

    def fresh_complaint(self) -> int:
        return projects.file_complaint(self.a.estate.id, self.owner.id, "漏水", "楼顶漏水",
                                       True, None).id

    def fresh_proxy(self) -> int:
        from tests.factories import next_phone

        return consultations.authorise_proxy(self.owner, self.a.flats[1], next_phone()).id

    def elevator_at(self, stage: Stage) -> int:
        """A's elevator project, put at `stage` directly (tests/elevators test the guards)."""
        from app.elevators.api import ElevatorProject

        project = db.session.get(ElevatorProject, self.a.elevator_id)
        project.stage = stage
        db.session.commit()
        return project.id


def world_app(backend, databases, **overrides):
    """Body of a module-scoped `app` fixture: an app on a database of its own, with a World.

    Building the world for each test would take minutes; tests that share it must make
    their own objects for whatever they change (fresh_case, fresh_claim …).
    """
    from app import create_app
    from tests.conftest import make_config

    application = create_app(make_config(databases.clone(backend), **overrides))
    with application.app_context():
        application.world = World()
        yield application
        db.session.remove()
        db.engine.dispose()
