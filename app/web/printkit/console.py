"""Console: the printed kit (打印材料), each PDF one tap away."""
from app.printkit.api import messages as print_messages
from app.printkit.api import services as printkit
from app.web.console import bp, committee_page


@bp.get("/estates/<int:estate_id>/print")
@committee_page("print")
def print_kit(estate):
    """Board notices, letters per flat, door-to-door lists per stairwell, meeting sign-in sheets."""
    return "web/console/print.html", {**printkit.kit(estate.id), "pm": print_messages}
