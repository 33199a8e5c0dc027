"""The front door of app.elevators: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.elevators import consent, services
from app.elevators.access import viewable_project
from app.elevators.models import (
    ElevatorProject, Objection, ObjectionStatus, Signature, StageTransition,
)
from app.elevators.services import can_view, create_project, projects_of
from app.elevators.shares import (
    CostPlan, FlatArea, largest_remainder, parse_cap, parse_coefficients, parse_compensation,
    split_costs,
)
from app.elevators.stages import ELEVATOR, GuardFacts, next_stage, ORDER, refusal, Stage

__all__ = [
    "ELEVATOR",
    "can_view", "consent", "CostPlan", "create_project", "ElevatorProject", "FlatArea",
    "GuardFacts", "largest_remainder", "next_stage", "Objection", "ObjectionStatus", "ORDER",
    "parse_cap", "parse_coefficients", "parse_compensation", "projects_of", "refusal",
    "services", "Signature", "split_costs", "Stage", "StageTransition", "viewable_project",
]
