"""Masking for public views (PIPL): nobody sees another person's full phone or name."""


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return None
    if len(phone) < 7:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[-4:]}"


def mask_name(name: str | None) -> str | None:
    """张三 -> 张*, 欧阳娜娜 -> 欧***."""
    if not name:
        return None
    return name[0] + "*" * max(1, len(name) - 1)


def mask_room(room: str | None) -> str | None:
    """Room numbers in public lists keep the floor part only: 302 -> 3**."""
    if not room:
        return None
    return room[0] + "*" * (len(room) - 1) if len(room) > 1 else "*"
