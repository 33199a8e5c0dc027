"""An estate of 95 owners from a ledger with phones (issue 34's done-when test)."""
from decimal import Decimal

from app.estates.api import LedgerRow
from app.estates.api import create_estate, import_ledger
from tests.factories import flats_of, link, make_user

PHONE0 = 13900000000


def ledger_estate(owners=95, stairwells=(("1号楼", 2), ("2号楼", 2)), twice=()):
    """One flat per owner spread over the stairwells, each owner's mobile in the ledger; an
    owner's index in `twice` owns a second flat (the same ID number and phone)."""
    estate = create_estate(name="和平里小区", district="东城区", street="和平里街道", built_year=1988)
    wells = [(building, f"{n}单元") for building, count in stairwells for n in range(1, count + 1)]
    rows = []
    flats = [(i, i) for i in range(owners)] + [(owners + k, i) for k, i in enumerate(twice)]
    for number, (slot, owner) in enumerate(flats, start=2):
        building, well = wells[slot % len(wells)]
        room = f"{slot // len(wells) // 2 + 1}0{slot // len(wells) % 2 + 1}"
        rows.append(LedgerRow(row=number, building=building, stairwell=well, room=room,
                              floor=slot // len(wells) // 2 + 1, area_m2=Decimal("60.00"),
                              owner_name=f"业主{owner}", owner_phone=str(PHONE0 + owner),
                              owner_id_number=f"ID{estate.id}-{owner}"))
    import_ledger(estate.id, rows)
    return estate


def register(estate, count):
    """The first `count` owners sign up and are verified owners of their flats."""
    users = []
    by_phone = {}
    for flat in flats_of(estate.id):
        by_phone.setdefault(flat.owner.phone, []).append(flat)
    for owner in range(count):
        phone = str(PHONE0 + owner)
        user = make_user(phone=phone)
        for flat in by_phone[phone]:
            link(user, flat)
        users.append(user)
    return users
