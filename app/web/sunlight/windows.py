"""Sunlight (日照) on the resident pages: each resident's own windows on the case and elevator
pages (a template global, so those views stay as they are), and the console's analysis pages.

Reads go through app/sunlight's services and access checks; the console form saves through
the JSON API (sunlight_form.js) like every other console change.
"""
from flask import request

from app.auth.api import current_user
from app.cases.api import services as cases
from app.elevators.api import services as elevators
from app.errors import NotFound
from app.estates.api import estate_flat_labels
from app.sunlight.api import charts, messages as sunlight_messages, services, text
from app.web.console import bp as console_bp, committee_page
from app.web.routes import bp

#: what a new analysis starts from: Beijing, 大寒日, one row of each kind to fill in
NEW_SITE = {"latitude": 39.9, "longitude": 116.4, "day": "dahan", "step_minutes": 1,
            "min_stretch_minutes": None, "buildings": [], "proposed": [], "windows": []}


bp.add_app_template_global(sunlight_messages, "sun_m")


@bp.app_template_global("sunlight_mine")
def sunlight_mine(*, case_id: int | None = None, elevator_project_id: int | None = None) -> list[dict]:
    """The signed-in resident's windows in the analyses of a case or an elevator project."""
    user = current_user()
    if user is None:
        return []
    estate_id = services.attachment_estate(case_id, elevator_project_id)
    if estate_id is None:
        return []
    found = services.my_windows(user, estate_id=estate_id, case_id=case_id,
                                elevator_project_id=elevator_project_id)
    width, height = charts.size_px(1)
    for item in found:
        exempt = item["analysis"]["exempt"]
        item["chart_width"], item["chart_height"] = width, height
        item["rows"] = [{
            "index": index, "window": window,
            "before": text.minutes_text(window["before_minutes"]),
            "after": text.minutes_text(window["after_minutes"]),
            "loss": text.minutes_text(window["loss_minutes"]),
            "standard": text.standard_text(window), "verdict": text.verdict_text(window, exempt),
        } for index, window in item["windows"]]
    return found


# --- the console ---------------------------------------------------------------------------------

def rectangle(footprint: list) -> dict | None:
    """An axis-aligned rectangle as its south-west corner and sizes, else None."""
    xs, ys = sorted({p[0] for p in footprint}), sorted({p[1] for p in footprint})
    if len(footprint) != 4 or len(xs) != 2 or len(ys) != 2:
        return None
    if sorted(map(tuple, footprint)) != sorted((x, y) for x in xs for y in ys):
        return None
    return {"x0": xs[0], "y0": ys[0], "width": xs[1] - xs[0], "depth": ys[1] - ys[0]}


def structure_rows(structures: list) -> list[dict]:
    rows = []
    for item in structures:
        rect = rectangle(item["footprint"])
        points = "" if rect else " ".join(f"{x:g},{y:g}" for x, y in item["footprint"])
        rows.append({**item, "rect": rect or {}, "points": points})
    return rows


def attachments(estate_id: int) -> dict[str, dict[int, str]]:
    """What an analysis may inform: the estate's cases and elevator projects, id -> label."""
    return {
        "case": {case.id: sunlight_messages.CONSOLE_ATTACH_CASE.format(title=case.title)
                 for case in cases.list_cases(estate_id)},
        "elevator": {project.id: sunlight_messages.CONSOLE_ATTACH_ELEVATOR.format(
            name=f"{project.stairwell.building.name}{project.stairwell.name}")
            for project in elevators.projects_of_estate(estate_id)}}


def form_context(estate, inputs: dict, attached: dict, found=None) -> dict:
    names = estate_flat_labels(estate.id)
    windows = [{**w, "flat_name": names.get(w.get("flat_id"), "")} for w in inputs["windows"]]
    return {"inputs": inputs, "buildings": structure_rows(inputs["buildings"]),
            "proposed": structure_rows(inputs["proposed"]), "windows": windows,
            "flat_names": names, "attachments": attachments(estate.id), "attached": attached,
            "analysis": services.view(found) if found else None, "sun_m": sunlight_messages,
            "rows": [{"window": w, "before": text.minutes_text(w["before_minutes"]),
                      "after": text.minutes_text(w["after_minutes"]), "loss": text.minutes_text(w["loss_minutes"]),
                      "standard": text.standard_text(w),
                      "verdict": text.verdict_text(w, found.results["exempt"])}
                     for w in (found.results["windows"] if found else [])]}


@console_bp.get("/estates/<int:estate_id>/sunlight")
@committee_page("sunlight")
def sunlight_list(estate):
    return "web/console/sunlight_list.html", {
        "analyses": [services.view(a) for a in services.analyses_of(estate.id)],
        "attachments": attachments(estate.id)}


@console_bp.get("/estates/<int:estate_id>/sunlight/new")
@committee_page("sunlight")
def sunlight_new(estate):
    attached = {"case": request.args.get("case_id", type=int),
                "elevator": request.args.get("elevator_project_id", type=int)}
    return "web/console/sunlight_form.html", form_context(estate, dict(NEW_SITE), attached)


@console_bp.get("/estates/<int:estate_id>/sunlight/<int:analysis_id>")
@committee_page("sunlight")
def sunlight_edit(estate, analysis_id):
    found = services.get_analysis(analysis_id)
    if found.estate_id != estate.id:
        raise NotFound()
    attached = {"case": found.case_id, "elevator": found.elevator_project_id}
    return "web/console/sunlight_form.html", form_context(estate, found.inputs, attached, found)
