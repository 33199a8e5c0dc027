"""Page text as it should be spoken: numbers, money, dates and rooms the way people say them.

A speech engine reads "302" as 三百零二 and "2026-11-27" as digits and dashes; people
say 三零二 and 二〇二六年十一月二十七日. `speakable(text)` rewrites every number into
Chinese words, in this order (each rule leaves no digits for the later ones):

- quarters 2026Q4 → 二〇二六年第四季度
- dates 2026-11-27 / 2026年11月27日 → 二〇二六年十一月二十七日; times 14:30 → 十四点三十分
- masked and long digit strings (phones, codes: 7+ digits, 1234 5678 9012) digit by digit
- room numbers digit by digit: before 室/房, after 单元 or 房号/我家 (302 → 三零二)
- money 53,549.37 元 / ¥12.5 → 五万三千五百四十九点三七元; 66.7% → 百分之六十六点七;
  8/12 → 十二分之八; decimals 63.50 → 六十三点五零; integers 1号楼 → 一号楼, 120 → 一百二十
- units: ㎡ / m² → 平方米
"""
import re

DIGITS = "零一二三四五六七八九"
YEAR_DIGITS = "〇一二三四五六七八九"
GROUP_UNITS = ["", "万", "亿", "万亿"]


def digits(text: str, table: str = DIGITS) -> str:
    """Read each digit: '302' -> '三零二'; anything else is kept."""
    return "".join(table[int(ch)] if ch.isdigit() else ch for ch in text)


def _below_10000(number: int) -> str:
    out, gap = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit:
            out += ("零" if gap and out else "") + DIGITS[digit] + unit
            gap = False
        else:
            gap = True
    return out


def integer(number: int) -> str:
    """53549 -> 五万三千五百四十九; 10 -> 十; 1001 -> 一千零一; 105000 -> 十万五千."""
    if number == 0:
        return "零"
    if number >= 10 ** 16:
        return digits(str(number))
    groups = []
    while number:
        number, group = divmod(number, 10000)
        groups.append(group)
    out, gap = "", False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if group == 0:
            gap = bool(out)
            continue
        if out and (gap or group < 1000):
            out += "零"
        out += _below_10000(group) + GROUP_UNITS[index]
        gap = False
    return out[1:] if out.startswith("一十") else out


def decimal(text: str) -> str:
    """'53,549.37' -> 五万三千五百四十九点三七; '0.5' -> 零点五; '007' -> 零零七."""
    whole, _, fraction = text.replace(",", "").partition(".")
    if len(whole) > 1 and whole.startswith("0"):
        spoken = digits(whole)
    else:
        spoken = integer(int(whole or "0"))
    return spoken + ("点" + digits(fraction) if fraction else "")


def money(text: str) -> str:
    """An amount of yuan: as a decimal, without the trailing zeros people never say."""
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    return decimal(whole + ("." + fraction if fraction else ""))


def _date(year: str, month: str, day: str | None) -> str:
    return (digits(year, YEAR_DIGITS) + "年" + integer(int(month)) + "月"
            + (integer(int(day)) + "日" if day else ""))


def _time(hour: str, minute: str) -> str:
    minutes = int(minute)
    if minutes == 0:
        return integer(int(hour)) + "点整"
    return integer(int(hour)) + "点" + ("零" if minutes < 10 else "") + integer(minutes) + "分"


NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
RULES = [
    # quarters: 2026Q4 / 2026年Q4 → 二〇二六年第四季度; Q4 → 第四季度
    (re.compile(r"(?<!\d)(\d{4})\s*年?\s*[Qq]([1-4])(?!\d)"),
     lambda m: digits(m.group(1), YEAR_DIGITS) + "年第" + DIGITS[int(m.group(2))] + "季度"),
    (re.compile(r"(?<![A-Za-z\d])[Qq]([1-4])(?!\d)"), lambda m: "第" + DIGITS[int(m.group(1))] + "季度"),
    # dates and times
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), lambda m: _date(*m.groups())),
    (re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?"),
     lambda m: _date(*m.groups())),
    (re.compile(r"(?<!\d)(\d{4})\s*年"), lambda m: digits(m.group(1), YEAR_DIGITS) + "年"),
    (re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
     lambda m: integer(int(m.group(1))) + "月" + integer(int(m.group(2))) + "日"),
    (re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(?![\d:])"), lambda m: _time(*m.groups())),
    # phones (also masked: 139****5678), codes in groups, long digit strings
    (re.compile(r"(?<!\d)\d{3}\*{4}\d{4}(?!\d)"), lambda m: digits(m.group()).replace("*", "星")),
    (re.compile(r"(?<![\d.,])\d{4}(?: \d{4}){1,3}(?![\d.,])"), lambda m: digits(m.group()).replace(" ", "，")),
    (re.compile(r"(?<![\d.,])\d{7,}(?![\d.,]|\s*元)"), lambda m: digits(m.group())),
    # rooms
    (re.compile(r"(?<![\d.,])(\d{2,5})(?=\s*(?:室|房|号房))"), lambda m: digits(m.group(1))),
    (re.compile(r"(单元|房号|房间|户号|我家)([:：]?\s*)(\d{2,5})(?![\d.,])"),
     lambda m: m.group(1) + m.group(2) + digits(m.group(3))),
    # money, percentages, fractions
    (re.compile(r"[¥￥]\s*(" + NUMBER + r")(\s*元)?"), lambda m: money(m.group(1)) + "元"),
    (re.compile(r"(" + NUMBER + r")\s*(元|万元|亿元)"), lambda m: money(m.group(1)) + m.group(2)),
    (re.compile(r"(\d+(?:\.\d+)?)\s*[%％]"), lambda m: "百分之" + decimal(m.group(1))),
    (re.compile(r"(?<![\d/])(\d+)\s*/\s*(\d+)(?![\d/])"),
     lambda m: integer(int(m.group(2))) + "分之" + integer(int(m.group(1)))),
    # every other number
    (re.compile(NUMBER), lambda m: decimal(m.group())),
    # units
    (re.compile(r"\s*(㎡|m²|平米)"), lambda m: "平方米"),
]


def speakable(text: str) -> str:
    for pattern, replace in RULES:
        text = pattern.sub(replace, text)
    return text
