"""Routes: residents apply and support, the committee submits; street staff keep the reserve
and the annual plans (the ranked reserve is read at GET /api/v1/staff/reserve)."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.applications import paper, reserve, services
from app.applications.models import Application
from app.applications.schemas import (
    AnnualPlanInSchema, AnnualPlanSchema, ApplicationInSchema, ApplicationSchema, PaperSupportFileSchema,
    PaperSupportFormSchema, PlanEntryInSchema,
    ReserveEntrySchema, ReserveInSchema, SupportInSchema, SupportSchema)
from app.auth.api import load_checked, require_committee, require_member, require_staff

blp = Blueprint("applications", __name__, url_prefix="/api/v1",
                description="居民自愿申报、项目储备库、年度改造计划")


@blp.route("/estates/<int:estate_id>/applications")
class EstateApplications(MethodView):
    @blp.response(200, ApplicationSchema(many=True))
    def get(self, estate_id):
        """The estate's applications, newest first, each with its support."""
        user = require_member(estate_id)
        return [services.application_view(a, user.id) for a in services.applications_of(estate_id)]

    @blp.arguments(ApplicationInSchema)
    @blp.response(201, ApplicationSchema)
    def post(self, data, estate_id):
        """Start the estate's application for renovation (one live application per estate)."""
        user = require_member(estate_id)
        application = services.start_application(estate_id, data["reason"], user.id)
        return services.application_view(application, user.id)


@blp.route("/applications/<int:application_id>")
class ApplicationDetail(MethodView):
    @blp.response(200, ApplicationSchema)
    def get(self, application_id):
        """An application: its support against the threshold, and my flats."""
        application, user = load_checked(Application, application_id)
        return services.application_view(application, user.id)


@blp.route("/applications/<int:application_id>/supports")
class ApplicationSupports(MethodView):
    @blp.arguments(SupportInSchema)
    @blp.response(201, SupportSchema)
    def post(self, data, application_id):
        """A verified owner supports the application for their flat (once per flat)."""
        application, user = load_checked(Application, application_id)
        return services.add_support(application, data["flat_id"], user.id)


@blp.route("/applications/<int:application_id>/paper-supports")
class ApplicationPaperSupports(MethodView):
    @blp.arguments(PaperSupportFormSchema, location="form")
    @blp.arguments(PaperSupportFileSchema, location="files")
    @blp.response(201, SupportSchema)
    def post(self, form, files, application_id):
        """The committee enters a flat's support from a signed sheet, with its photo (纸质);
        refused (409) when the flat supports already, saying when and how."""
        application, user = load_checked(Application, application_id, require_committee)
        return paper.enter_paper_support(application, form["flat_id"], user.id, files["photo"].read())


@blp.route("/applications/<int:application_id>/submit")
class ApplicationSubmit(MethodView):
    @blp.response(200, ApplicationSchema)
    def post(self, application_id):
        """The committee submits the application once support reaches the threshold."""
        application, user = load_checked(Application, application_id, require_committee)
        return services.application_view(services.submit_application(application, user.id), user.id)


@blp.route("/applications/<int:application_id>/reserve")
class ApplicationReserve(MethodView):
    @blp.arguments(ReserveInSchema)
    @blp.response(201, ReserveEntrySchema)
    def post(self, data, application_id):
        """Street staff take a submitted application's estate into the reserve."""
        user = require_staff()
        application = services.get_application(application_id)
        return reserve.add_to_reserve(application, data["estimated_cost_cents"], data["note"], user.id)


@blp.route("/annual-plans")
class AnnualPlans(MethodView):
    @blp.response(200, AnnualPlanSchema(many=True))
    def get(self):
        """Every annual plan, newest year first, with its capacity used."""
        require_staff()
        return [reserve.plan_view(plan) for plan in reserve.list_plans()]

    @blp.arguments(AnnualPlanInSchema)
    @blp.response(201, AnnualPlanSchema)
    def post(self, data):
        """A district's plan for a year, with what the budget can bear."""
        user = require_staff()
        return reserve.plan_view(reserve.create_plan(data["year"], data["district"],
                                                     data["capacity_cents"], user.id))


@blp.route("/annual-plans/<int:plan_id>")
class AnnualPlanDetail(MethodView):
    @blp.response(200, AnnualPlanSchema)
    def get(self, plan_id):
        """A plan's estates and its capacity used."""
        require_staff()
        return reserve.plan_view(reserve.get_plan(plan_id))


@blp.route("/annual-plans/<int:plan_id>/entries")
class AnnualPlanEntries(MethodView):
    @blp.arguments(PlanEntryInSchema)
    @blp.response(201, AnnualPlanSchema)
    def post(self, data, plan_id):
        """Take a reserved estate into the plan; refused past the plan's capacity."""
        user = require_staff()
        plan = reserve.get_plan(plan_id)
        reserve.add_to_plan(plan, data["estate_id"], user.id)
        return reserve.plan_view(plan)
