"""Case routes (一事一议): cases, posts, reports, moderation, meetings, resolution, closing."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import (
    is_moderator, load_checked, require_committee, require_member, require_moderator,
)
from app.cases import meetings, resolution, services, sign_ins, views
from app.cases.models import Case, Meeting, Post
from app.cases.schemas import (
    CaseCloseInSchema, CaseInSchema, CaseListQuery, CaseMeetingInSchema, CaseMeetingScheduleInSchema,
    AttendanceSchema, CaseMeetingSchema, CaseMinutesInSchema, SignInFileSchema, SignInFormSchema,
    CaseModerationSchema, CaseOptionalReasonSchema, CasePostEditSchema, CasePostInSchema,
    CasePostSchema, CaseReasonSchema, CaseResolutionInSchema, CaseSchema, CaseSummarySchema,
    PostReportModeratorSchema, PostReportSchema, PostRevisionSchema)
from app.cases.services import post_view  # also what the realtime domain broadcasts

blp = Blueprint("cases", __name__, url_prefix="/api/v1", description="一事一议")

# Characters that could end a JSON string's context in an HTML page. JSON allows their
# \u escapes anywhere a string holds them, and JSON syntax itself never uses them, so the
# raw bytes we serve never contain markup, whatever a client does with them.
_INERT = {b"<": rb"\u003c", b">": rb"\u003e", b"&": rb"\u0026"}


@blp.after_request
def _inert_json(response):
    """Posts are raw text: make every JSON answer of this domain inert as HTML too.

    (nosniff and the other security headers are set for every answer by app.hardening.)
    """
    if response.mimetype == "application/json" and not response.direct_passthrough:
        data = response.get_data()
        for raw, escaped in _INERT.items():
            data = data.replace(raw, escaped)
        response.set_data(data)
    return response


@blp.route("/estates/<int:estate_id>/cases")
class EstateCases(MethodView):
    @blp.arguments(CaseListQuery, location="query")
    @blp.response(200, CaseSummarySchema(many=True))
    def get(self, query, estate_id):
        """The estate's cases, newest first (members)."""
        require_member(estate_id)
        return [views.case_summary(c) for c in services.list_cases(estate_id, query["status"])]

    @blp.arguments(CaseInSchema)
    @blp.response(201, CaseSchema)
    def post(self, data, estate_id):
        """Open a case: title, description and the flats it affects (members)."""
        user = require_member(estate_id)
        case = services.create_case(estate_id, actor_id=user.id, **data)
        return views.case_view(case, user)


@blp.route("/cases/<int:case_id>")
class CaseDetail(MethodView):
    @blp.response(200, CaseSchema)
    def get(self, case_id):
        """A case with its flats, parties, meetings, resolution and outcome (members)."""
        case, user = load_checked(Case, case_id)
        return views.case_view(case, user)


@blp.route("/cases/<int:case_id>/posts")
class CasePosts(MethodView):
    @blp.response(200, CasePostSchema(many=True))
    def get(self, case_id):
        """The discussion, oldest first; replies name their parent_id. Hidden posts show the reason."""
        case, user = load_checked(Case, case_id)
        moderator = is_moderator(user, case.estate_id)
        return [post_view(p, moderator=moderator) for p in services.posts_of(case)]

    @blp.arguments(CasePostInSchema)
    @blp.response(201, CasePostSchema)
    def post(self, data, case_id):
        """Post or reply in plain text (members; refused when the case is locked or closed)."""
        case, user = load_checked(Case, case_id)
        post = services.create_post(case, user, data["body"], data["parent_id"])
        return post_view(post, moderator=is_moderator(user, case.estate_id))


@blp.route("/posts/<int:post_id>")
class PostDetail(MethodView):
    @blp.response(200, CasePostSchema)
    def get(self, post_id):
        """One post (members)."""
        post, user = load_checked(Post, post_id)
        return post_view(post, moderator=is_moderator(user, post.estate_id))

    @blp.arguments(CasePostEditSchema)
    @blp.response(200, CasePostSchema)
    def patch(self, data, post_id):
        """Edit one's own post within the edit window; the former text is kept."""
        post, user = load_checked(Post, post_id)
        services.edit_post(post, user, data["body"])
        return post_view(post, moderator=is_moderator(user, post.estate_id))


@blp.route("/posts/<int:post_id>/revisions")
class PostRevisions(MethodView):
    @blp.response(200, PostRevisionSchema(many=True))
    def get(self, post_id):
        """Earlier texts of an edited post (members; of a hidden post, moderators only)."""
        post, user = load_checked(Post, post_id)
        if post.hidden and not is_moderator(user, post.estate_id):
            return []
        return services.revisions_of(post)


@blp.route("/posts/<int:post_id>/reports")
class PostReports(MethodView):
    @blp.arguments(CaseReasonSchema)
    @blp.response(201, PostReportSchema)
    def post(self, data, post_id):
        """Report a post (members, once per post); enough reports hide it until a moderator decides."""
        post, user = load_checked(Post, post_id)
        return services.report_post(post, user, data["reason"])


@blp.route("/posts/<int:post_id>/hide")
class PostHide(MethodView):
    @blp.arguments(CaseReasonSchema)
    @blp.response(200, CasePostSchema)
    def post(self, data, post_id):
        """Hide a post with a reason everyone sees (committee, moderators)."""
        post, user = load_checked(Post, post_id, require_moderator)
        return post_view(services.hide_post(post, user.id, data["reason"]), moderator=True)


@blp.route("/posts/<int:post_id>/unhide")
class PostUnhide(MethodView):
    @blp.arguments(CaseReasonSchema)
    @blp.response(200, CasePostSchema)
    def post(self, data, post_id):
        """Show a hidden post again (committee, moderators)."""
        post, user = load_checked(Post, post_id, require_moderator)
        return post_view(services.unhide_post(post, user.id, data["reason"]), moderator=True)


@blp.route("/cases/<int:case_id>/lock")
class CaseLock(MethodView):
    @blp.arguments(CaseOptionalReasonSchema)
    @blp.response(200, CaseSchema)
    def post(self, data, case_id):
        """Lock the discussion (committee, moderators)."""
        case, user = load_checked(Case, case_id, require_moderator)
        return views.case_view(services.lock_case(case, user.id, data["reason"]), user)


@blp.route("/cases/<int:case_id>/unlock")
class CaseUnlock(MethodView):
    @blp.arguments(CaseOptionalReasonSchema)
    @blp.response(200, CaseSchema)
    def post(self, data, case_id):
        """Unlock the discussion (committee, moderators)."""
        case, user = load_checked(Case, case_id, require_moderator)
        return views.case_view(services.unlock_case(case, user.id, data["reason"]), user)


@blp.route("/cases/<int:case_id>/reports")
class CaseReports(MethodView):
    @blp.response(200, PostReportModeratorSchema(many=True))
    def get(self, case_id):
        """Every report on the case's posts (committee, moderators)."""
        case, _ = load_checked(Case, case_id, require_moderator)
        return services.reports_of(case)


@blp.route("/cases/<int:case_id>/moderation")
class CaseModeration(MethodView):
    @blp.response(200, CaseModerationSchema(many=True))
    def get(self, case_id):
        """Every moderation act on the case: what, who, when, why (members)."""
        case, _ = load_checked(Case, case_id)
        return services.moderation_of(case)


@blp.route("/cases/<int:case_id>/meetings")
class CaseMeetings(MethodView):
    @blp.response(200, CaseMeetingSchema(many=True))
    def get(self, case_id):
        """Mediation meetings (members)."""
        case, _ = load_checked(Case, case_id)
        return resolution.meetings_of(case)

    @blp.arguments(CaseMeetingInSchema)
    @blp.response(201, CaseMeetingSchema)
    def post(self, data, case_id):
        """Record a mediation meeting held offline (committee)."""
        case, user = load_checked(Case, case_id, require_committee)
        return resolution.record_meeting(case, user.id, **data)


@blp.route("/cases/<int:case_id>/scheduled-meetings")
class CaseMeetingSchedule(MethodView):
    @blp.arguments(CaseMeetingScheduleInSchema)
    @blp.response(201, CaseMeetingSchema)
    def post(self, data, case_id):
        """Schedule a meeting ahead (agenda, time, place); the affected flats are told (committee)."""
        case, user = load_checked(Case, case_id, require_committee)
        return meetings.schedule_meeting(case, user.id, **data)


@blp.route("/case-meetings/<int:meeting_id>/minutes")
class CaseMeetingMinutes(MethodView):
    @blp.arguments(CaseMinutesInSchema)
    @blp.response(200, CaseMeetingSchema)
    def post(self, data, meeting_id):
        """Record a scheduled meeting's minutes and attendance once it was held (committee)."""
        meeting, user = load_checked(Meeting, meeting_id, require_committee)
        return meetings.record_minutes(meeting, user.id, **data)


@blp.route("/case-meetings/<int:meeting_id>/sign-ins")
class CaseMeetingSignIns(MethodView):
    @blp.response(200, AttendanceSchema)
    def get(self, meeting_id):
        """Who came: how many flats signed in on paper and online, rooms masked (members)."""
        meeting, _ = load_checked(Meeting, meeting_id)
        return sign_ins.attendance(meeting)

    @blp.arguments(SignInFormSchema, location="form")
    @blp.arguments(SignInFileSchema, location="files")
    @blp.response(201, AttendanceSchema)
    def post(self, form, files, meeting_id):
        """Record the flats that signed the printed sign-in sheet, with its photo (committee);
        their people are told they were recorded as present."""
        meeting, user = load_checked(Meeting, meeting_id, require_committee)
        return sign_ins.record_paper_sign_ins(meeting, form["flat_ids"], user.id, files["photo"].read())


@blp.route("/cases/<int:case_id>/resolution")
class CaseResolution(MethodView):
    @blp.arguments(CaseResolutionInSchema)
    @blp.response(201, CaseSchema)
    def post(self, data, case_id):
        """Open the resolution vote among the affected flats' owners, under a named rule (committee)."""
        case, user = load_checked(Case, case_id, require_committee)
        resolution.open_resolution(case, user.id, closes_at=data["closes_at"],
                                 template_key=data["template"], rule_key=data["rule"],
                                 title=data["title"], proposal=data["proposal"])
        return views.case_view(case, user)


@blp.route("/cases/<int:case_id>/close")
class CaseClose(MethodView):
    @blp.arguments(CaseCloseInSchema)
    @blp.response(200, CaseSchema)
    def post(self, data, case_id):
        """Close the case and publish its outcome, with the vote's result (committee)."""
        case, user = load_checked(Case, case_id, require_committee)
        return views.case_view(resolution.close_case(case, user.id, data["outcome"]), user)
