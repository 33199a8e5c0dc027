"""The demo estate: 和平里小区, built 1988, three walk-up buildings of six floors.

The README lists these phone numbers; log in with any of them and read the code
from the console outbox (/api/v1/dev/sms-outbox).
"""
from decimal import Decimal

from app.estates.api import with_check_digit

ESTATE = {"name": "和平里小区", "district": "东城区", "street": "和平里街道", "built_year": 1988}

STAFF_PHONE = "13800000001"  # 街道工作人员 王主任
COMMITTEE_PHONE = "13800000002"  # 居委会 李书记
MODERATOR_PHONE = "13800000003"  # 版主 赵阿姨
#: the names they are known by (the console and their posts show them masked: 李**)
STAFF_NAMES = {STAFF_PHONE: "王主任", COMMITTEE_PHONE: "李书记", MODERATOR_PHONE: "赵阿姨"}

# (building, number of stairwells); each stairwell has 6 floors × 2 flats (x01, x02)
BUILDINGS = [("1号楼", 3), ("2号楼", 2), ("3号楼", 3)]
FLOORS = 6
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["建国", "秀英", "玉兰", "志强", "桂英", "国华", "淑珍", "德明", "丽华", "文斌", "凤英", "永红"]

# Residents with accounts: (phone, name, building, stairwell, room, relation)
RESIDENTS = [
    ("13900000001", "张建国", "1号楼", "1单元", "101", "owner"),
    ("13900000002", "王秀英", "1号楼", "1单元", "302", "owner"),
    ("13900000003", "李玉兰", "1号楼", "1单元", "501", "owner"),
    ("13900000004", "刘志强", "1号楼", "1单元", "602", "tenant"),
    ("13900000005", "陈桂英", "2号楼", "1单元", "201", "owner"),
]
# One owner holding two flats (same ID number in the ledger, counts once by headcount)
TWO_FLAT_OWNER = ("13900000006", "周国华", [("1号楼", "2单元", "401"), ("3号楼", "1单元", "202")])

AREAS = [Decimal("48.60"), Decimal("56.35"), Decimal("62.10"), Decimal("71.80"), Decimal("58.25")]


def certificate_of_demo(index: int) -> str:
    """The demo flats' 不动产权证号: an owner can verify with it on the claim page."""
    return f"京(2015)东城区不动产权第{index:07d}号"


def ledger_rows():
    """Every flat of the demo estate as ledger rows (the same columns as a committee's file)."""
    owner_of = {(b, s, r): (name, phone) for phone, name, b, s, r, rel in RESIDENTS if rel == "owner"}
    phone6, name6, flats6 = TWO_FLAT_OWNER
    index = 0
    for building, stairwell_count in BUILDINGS:
        for s in range(1, stairwell_count + 1):
            stairwell = f"{s}单元"
            for floor in range(1, FLOORS + 1):
                for door in (1, 2):
                    room = f"{floor}0{door}"
                    index += 1
                    name = SURNAMES[index % len(SURNAMES)] + GIVEN[index % len(GIVEN)]
                    # three owners in four left a mobile number with the ledger (notices by SMS)
                    phone = f"1360000{index:04d}" if index % 4 else None
                    id_number = with_check_digit(f"110101{1950 + index % 40}0101{index:03d}")
                    if (building, stairwell, room) in owner_of:
                        name, phone = owner_of[(building, stairwell, room)]
                    if (building, stairwell, room) in flats6:
                        name, phone, id_number = name6, phone6, with_check_digit("11010119500303003")
                    yield {"building": building, "stairwell": stairwell, "room": room,
                           "floor": floor, "area_m2": AREAS[(index + door) % len(AREAS)],
                           "owner_name": name, "owner_phone": phone, "owner_id_number": id_number,
                           "certificate_number": certificate_of_demo(index)}
