"""Base schema and Chinese validation messages, set once for every domain.

Residents and committee members read these messages, so marshmallow's English
defaults are replaced here rather than in each schema.
"""
import re
from collections.abc import Mapping
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate

_FIELD_MESSAGES = {
    fields.Field: {"required": "必填", "null": "不能为空", "validator_failed": "格式不对"},
    fields.String: {"invalid": "应为文字", "invalid_utf8": "文字编码不对"},
    fields.Integer: {"invalid": "应为整数", "too_large": "数字太大"},
    fields.Number: {"invalid": "应为数字", "too_large": "数字太大"},
    fields.Decimal: {"special": "应为有效数字"},
    fields.Boolean: {"invalid": "应为是或否"},
    fields.DateTime: {"invalid": "时间格式不对", "invalid_awareness": "时间需要带时区",
                      "format": "时间格式不对", "out_of_range": "时间超出范围"},
    fields.Date: {"invalid": "日期格式不对", "out_of_range": "日期超出范围"},
    fields.List: {"invalid": "应为列表"},
    fields.Tuple: {"invalid": "应为列表"},
    fields.Mapping: {"invalid": "应为对象"},
    fields.Nested: {"type": "应为对象"},
    fields.Email: {"invalid": "邮箱格式不对"},
    fields.Url: {"invalid": "网址格式不对"},
}
for _cls, _messages in _FIELD_MESSAGES.items():
    _cls.default_error_messages = {**_cls.default_error_messages, **_messages}

validate.Length.message_min = "至少 {min} 个字"
validate.Length.message_max = "最多 {max} 个字"
validate.Length.message_all = "请写 {min} 到 {max} 个字"
validate.Length.message_equal = "长度应为 {equal}"
validate.Range.message_min = "应{min_op} {{min}}"
validate.Range.message_max = "应{max_op} {{max}}"
validate.Range.message_all = "应{min_op} {{min}}，且{max_op} {{max}}"
validate.Range.message_gte = "不小于"
validate.Range.message_gt = "大于"
validate.Range.message_lte = "不大于"
validate.Range.message_lt = "小于"
validate.OneOf.default_message = "只能是以下之一：{choices}"
validate.Regexp.default_message = "格式不对"

#: a phone number field's check, in the words of the task (not "长度应在 11 到 20 之间")
PHONE_INVALID = "请输入11位手机号"
phone_length = validate.Length(min=11, max=20, error=PHONE_INVALID)


#: PostgreSQL INTEGER, the type of every id column. An integer field without a range of
#: its own refuses numbers outside it (422 "数字太大") instead of letting them overflow in
#: the database (500). Money fields carry their own range (and BIGINT columns). Checked
#: when loading only, so answers (sums of money) are not held to it.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
UNSTORABLE_TEXT = "含有无法保存的字符"
_integer_validated = fields.Integer._validated


def _bounded_integer_validated(self, value):
    number = _integer_validated(self, value)
    if number is not None and not INT_MIN <= number <= INT_MAX and not any(
            isinstance(v, validate.Range) for v in self.validators):
        raise self.make_error("too_large", input=value)
    return number


fields.Integer._validated = _bounded_integer_validated

#: Dates and times outside these years are typing errors; near year 1 or 9999 an offset
#: pushes a time past what Python and the databases hold (an overflow, 500).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2199
_temporal_deserialize = fields._TemporalField._deserialize


def _temporal_in_range(self, value, attr, data, **kwargs):
    result = _temporal_deserialize(self, value, attr, data, **kwargs)
    year = EARLIEST_YEAR  # a time of day has none
    if isinstance(result, datetime) and result.tzinfo is not None:
        try:
            year = result.astimezone(timezone.utc).year
        except OverflowError:
            year = 0
    elif isinstance(result, date):
        year = result.year
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise self.make_error("out_of_range")
    return result


fields._TemporalField._deserialize = _temporal_in_range


def _unstorable(value) -> bool:
    """Text no database column can hold: NUL, or a lone UTF-16 surrogate (JSON allows both)."""
    if isinstance(value, str):
        return "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, Mapping):
        return any(_unstorable(k) or _unstorable(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_unstorable(v) for v in value)
    return False


#: how people write digits and dates on paper and phones: full-width digits, 二〇二六年三月五日
FULL_WIDTH = str.maketrans("０１２３４５６７８９／．－：", "0123456789/.-:")
_CHINESE_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_CHINESE_NUMBER = re.compile("[〇零○Ｏ一二三四五六七八九十]+")
_WRITTEN_DAY = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
_WRITTEN_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")
DATE_EXAMPLE = "日期格式不对，请写成 2026/3/5 或 2026年3月5日"
DATE_NEEDS_DAY = "请写到哪一天，例如 2026/3/5"
DATE_NO_SUCH_DAY = "没有这一天，请核对月和日"


def _arabic(chinese: str) -> str:
    """二〇二六 → 2026 (digit by digit); 十二 → 12, 二十一 → 21, 三十 → 30."""
    if "十" not in chinese:
        return "".join(str(_CHINESE_DIGITS[c]) for c in chinese)
    tens, _, ones = chinese.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return chinese  # not a month or a day: left for the pattern to refuse
    return str((_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[ones] if ones else 0))


class WrittenDate(fields.Date):
    """A date as people write it: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, ２０２６年３月５日,
    二〇二六年三月五日. Blank is no date (where the field allows none); a month without its day,
    or a day the calendar has not, is refused saying so."""

    default_error_messages = {"invalid": DATE_EXAMPLE, "needs_day": DATE_NEEDS_DAY,
                              "no_such_day": DATE_NO_SUCH_DAY}

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise self.make_error("invalid")
        text = _CHINESE_NUMBER.sub(lambda m: _arabic(m.group(0)), value.translate(FULL_WIDTH).strip())
        if not text:
            if self.allow_none:
                return None
            raise self.make_error("required")
        day = _WRITTEN_DAY.fullmatch(text)
        if day is None:
            raise self.make_error("needs_day" if _WRITTEN_MONTH.fullmatch(text) else "invalid")
        year, month, number = (int(part) for part in day.groups())
        try:
            date(year, month, number)
        except ValueError:
            raise self.make_error("no_such_day") from None
        return super()._deserialize(f"{year:04d}-{month:02d}-{number:02d}", attr, data, **kwargs)


class BaseSchema(Schema):
    """Refuses unknown fields (in Chinese) and text no database can store."""

    class Meta:
        unknown = RAISE

    error_messages = {"unknown": "不认识的字段", "type": "应为对象"}

    @pre_load
    def _refuse_unstorable_text(self, data, **kwargs):
        if isinstance(data, Mapping):
            bad = {str(key): [UNSTORABLE_TEXT] for key, value in data.items()
                   if _unstorable(key) or _unstorable(value)}
            if bad:
                raise ValidationError({k.encode("utf-8", "replace").decode(): v for k, v in bad.items()})
        elif _unstorable(data):
            raise ValidationError([UNSTORABLE_TEXT])
        return data


#: money typed wrong (text, full-width digits, commas, 元): what to write instead
AMOUNT_NOT_MONEY = "金额请写数字，如 1200000 或 1200000.50，不要加逗号或“元”"
#: no amount typed (the pages send an empty money field as null)
AMOUNT_MISSING = "请填写金额"
#: a hundred billion yuan: anything above is a typing error
MAX_CENTS = 10**13


def Cents(*, minimum: int = 1, maximum: int = MAX_CENTS, **kwargs) -> fields.Integer:  # noqa: N802 - a field
    """An amount in integer fen, as a JSON integer only: text such as "３００" or "1,000" is
    refused with what to write, never read (int("３００") is 300 fen, a hundredth of what a
    person who typed 300 yuan meant)."""
    return fields.Integer(strict=True, validate=validate.Range(min=minimum, max=maximum),
                          error_messages={"invalid": AMOUNT_NOT_MONEY, "null": AMOUNT_MISSING}, **kwargs)


class Stripped(fields.String):
    """Text with surrounding blanks removed; an all-blank text counts as empty."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip()


class DecimalString(fields.Field):
    """A decimal with fixed places, as a string in JSON ("63.50") and Decimal in Python."""

    default_error_messages = {"invalid": "应为数字，例如 63.50", "places": "最多 {places} 位小数"}

    def __init__(self, places: int = 2, **kwargs):
        super().__init__(**kwargs)
        self.places = places

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return str(Decimal(value).quantize(Decimal(1).scaleb(-self.places)))

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.make_error("invalid")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation as error:
            raise self.make_error("invalid") from error
        if not number.is_finite():
            raise self.make_error("invalid")
        if -number.as_tuple().exponent > self.places:
            raise self.make_error("places", places=self.places)
        return number


#: the longest comment a resident writes on something shown to them (a plan's passage, a
#: proposal for a spare space); PlanComment.body is String(2000)
COMMENT_MAX = 2000


class CommentBodyInSchema(BaseSchema):
    """A resident's comment: plain text. Domains subclass it (keeping their own name in the
    OpenAPI document) and add what the comment is on, e.g. the quoted passage of a plan."""

    body = fields.String(required=True, validate=validate.Length(min=1, max=COMMENT_MAX))


class ErrorSchema(BaseSchema):
    """The one error shape, documented in OpenAPI."""

    class ErrorBody(BaseSchema):
        code = fields.String(required=True)
        message = fields.String(required=True)
        fields = fields.Dict(required=True)

    error = fields.Nested(ErrorBody, required=True)


__all__ = ["BaseSchema", "DecimalString", "ErrorSchema", "ValidationError", "fields", "validate"]
