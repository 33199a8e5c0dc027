"""Load an analysis and check the reader once, for the API and the pages alike."""
from app.auth.api import require_member
from app.errors import Forbidden, NotFound
from app.sunlight import services
from app.sunlight.models import SunlightAnalysis


def readable(analysis_id: int):
    """(analysis, user) for a reader in scope; NotFound for anyone else."""
    found = services.get_analysis(analysis_id)
    user = require_member(found.estate_id)
    if not services.can_read(user, found):
        raise NotFound()
    return found, user


def require_editor(estate_id: int):
    """The committee, staff or a designer of the estate; members otherwise get 403."""
    user = require_member(estate_id)
    if not services.can_edit(user, estate_id):
        raise Forbidden()
    return user


def editable(analysis_id: int) -> tuple[SunlightAnalysis, object]:
    found = services.get_analysis(analysis_id)
    return found, require_editor(found.estate_id)
