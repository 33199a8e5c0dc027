"""Minutes and standards in words, the same on the pages and in the statement."""
from app.sunlight import messages


def minutes_text(minutes: int) -> str:
    """95 -> '1 小时 35 分钟'; 40 -> '40 分钟'."""
    hours, rest = divmod(int(minutes), 60)
    if hours and not rest:
        return messages.HOURS.format(hours=hours)
    if hours:
        return messages.HOURS_MINUTES.format(hours=hours, minutes=rest)
    return messages.MINUTES.format(minutes=rest)


def standard_text(window: dict) -> str:
    """'大寒日 ≥ 2 小时', or the day it would need when not assessed."""
    day = messages.DAY_LABELS.get(window["standard_day"], window["standard_day"])
    if window["standard_minutes"] is None:
        return f"按{day}判断"
    return f"{day} ≥ {minutes_text(window['standard_minutes'])}"


def verdict_text(window: dict, exempt: bool) -> str:
    text = messages.VERDICTS[window["verdict"]]
    if exempt and window["verdict"] in ("falls_below", "worse_already_below"):
        text += "；" + messages.EXEMPT_NOTE
    return text
