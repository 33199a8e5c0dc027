"""Load an elevator project for the request's user: one check for the API and the pages."""
from app.auth.api import User
from app.auth.api import require_member
from app.elevators import services
from app.elevators.models import ElevatorProject
from app.errors import NotFound


def viewable_project(project_id: int) -> tuple[ElevatorProject, User]:
    """The project and the user, if they may see it (`services.can_view`: members of the
    estate living in the stairwell, its committee and moderators); NotFound for anyone else."""
    project = services.get_project(project_id)
    user = require_member(project.estate_id)
    if not services.can_view(user, project):
        raise NotFound()
    return project, user
