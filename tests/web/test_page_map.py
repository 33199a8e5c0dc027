"""Every API operation a resident may call has a page that calls it (issue 17).

Residents use the web pages and nothing else: an operation without a page does not exist
for them. The table below says where each resident operation is called; the check greps
the page's template or script for it (tests/web/page_map.py). Which operations a resident
may call was read from the routes' permission helpers (`require_user`, `require_member`,
`load_checked` without a committee/moderator check, `viewable`): committee, moderator and
staff operations belong to the console's own table; `NOT_FOR_PAGES` lists what no page calls
on purpose (apps, machines, links printed on paper). An operation that is in none of these
fails the test, so a new resident route needs its page.
"""
from tests.web.page_map import Rendered, problems, spec_operations

S, T = "app/web/static/", "app/web/templates/web/"

RESIDENT_PAGES = {
    # signing in and out, live updates
    "POST /api/v1/auth/sms-codes": S + "login.js",
    "POST /api/v1/auth/session": S + "login.js",
    "GET /api/v1/auth/session": S + "login.js",
    "DELETE /api/v1/auth/session": S + "app.js",
    "POST /api/v1/auth/logout-everywhere": T + "account/account.html",
    "POST /api/v1/auth/session/live-token": S + "app.js",
    "POST /api/v1/read-aloud": S + "app.js",  # 朗读 on every page
    "GET /api/v1/auth/wechat/authorize": Rendered(T + "login.html", "auth.WechatAuthorize", "app/auth/routes.py", "class WechatAuthorize"),
    "GET /api/v1/me": Rendered("app/web/home.py", "me_view(user)", "app/auth/routes.py", "me_view(require_user())"),
    # my flat
    "POST /api/v1/flats/claims": T + "claim.html",
    "POST /api/v1/flats/claims/by-code": T + "_flat_code_form.html",
    "POST /api/v1/flats/claims/by-identity": T + "_identity_form.html",
    "GET /api/v1/stairwells/{stairwell_id}/rooms": S + "case_open.js",
    "GET /api/v1/estates/{estate_id}/buildings": T + "case_new.html",
    # consultations: answer, receipts, results, published lists
    "GET /api/v1/estates/{estate_id}/consultations": Rendered(
        "app/web/consultations/pages.py", "services.list_consultations(", "app/consultations/routes.py",
        "services.list_consultations("),
    "GET /api/v1/consultations/{consultation_id}": Rendered(
        "app/web/consultations/pages.py", "services.my_ballots(", "app/consultations/routes.py", "services.my_ballots("),
    "PUT /api/v1/consultations/{consultation_id}/ballots/mine": S + "elevator.js",
    "GET /api/v1/consultations/{consultation_id}/results": S + "consultation.js",
    "GET /api/v1/consultations/{consultation_id}/receipts": Rendered(
        "app/web/consultations/pages.py", "services.receipts(", "app/consultations/routes.py", "services.receipts("),
    "GET /api/v1/consultations/{consultation_id}/export.{fmt}": T + "consultations/page.html",
    # family proxies
    "GET /api/v1/flats/{flat_id}/proxies": T + "account/proxies.html",
    "POST /api/v1/flats/{flat_id}/proxies": T + "account/proxies.html",
    "POST /api/v1/proxies/{proxy_id}/revoke": S + "account.js",
    # cases (一事一议)
    "GET /api/v1/estates/{estate_id}/cases": Rendered(
        "app/web/home.py", "cases.list_cases(", "app/cases/routes.py", "services.list_cases("),
    "POST /api/v1/estates/{estate_id}/cases": T + "case_new.html",
    "GET /api/v1/cases/{case_id}": Rendered(
        "app/web/routes.py", "case_views.case_view(", "app/cases/routes.py", "views.case_view("),
    "GET /api/v1/cases/{case_id}/meetings": Rendered(
        T + "case.html", "case.meetings", "app/cases/views.py", "meetings_of(case)"),
    "GET /api/v1/case-meetings/{meeting_id}/sign-ins": Rendered(
        "app/web/routes.py", "sign_ins.attendance_by_meeting(", "app/cases/routes.py", "sign_ins.attendance(meeting)"),
    "GET /api/v1/cases/{case_id}/posts": Rendered(
        "app/web/routes.py", "cases.posts_of(", "app/cases/routes.py", "services.posts_of("),
    "POST /api/v1/cases/{case_id}/posts": S + "case.js",
    "POST /api/v1/posts/{post_id}/reports": S + "case.js",
    # elevators
    "GET /api/v1/elevator-projects/{project_id}": Rendered(
        "app/web/elevators/pages.py", "services.project_view(", "app/elevators/routes.py", "services.project_view("),
    "GET /api/v1/elevator-projects/{project_id}/cost-shares": Rendered(
        "app/web/elevators/pages.py", "services.cost_shares(", "app/elevators/routes.py", "services.cost_shares("),
    "GET /api/v1/elevator-projects/{project_id}/flats/{flat_id}/statement.pdf": T + "elevators/project.html",
    "POST /api/v1/elevator-projects/{project_id}/objections": S + "elevator.js",
    "POST /api/v1/elevator-projects/{project_id}/signatures": S + "elevator.js",
    "POST /api/v1/elevator-objections/{objection_id}/withdraw": T + "elevators/project.html",
    # renovation projects: progress, supervision, evaluation, complaints
    "GET /api/v1/estates/{estate_id}/projects": T + "projects/list.html",
    "GET /api/v1/projects/{project_id}": T + "projects/project.html",
    "GET /api/v1/projects/{project_id}/progress": T + "projects/project.html",
    "GET /api/v1/estates/{estate_id}/joint-meetings": Rendered(
        "app/web/projects/pages.py", "meetings=meetings_of(estate_id, with_notes=False)",
        "app/coordination/routes.py", "services.meetings_of("),
    "GET /api/v1/estates/{estate_id}/green-community": Rendered(
        "app/web/projects/pages.py", "checklist=checklist(estate_id)", "app/green/routes.py", "services.checklist("),
    # 居民出资: my flats' lines, receipts, certificates, paying online; the others counted per stairwell
    "GET /api/v1/projects/{project_id}/contributions": Rendered(
        "app/web/contributions/pages.py", "member_contributions(project, user.id, full=False)",
        "app/contributions/routes.py", "services.member_contributions("),
    "POST /api/v1/contribution-charges/{charge_id}/wechat-orders": T + "contributions/project.html",
    "GET /api/v1/contribution-payments/{payment_id}/receipt.pdf": T + "contributions/project.html",
    "GET /api/v1/contribution-charges/{charge_id}/flats/{flat_id}/provident-fund-certificate.pdf":
        T + "contributions/project.html",
    "GET /api/v1/projects/{project_id}/approvals": Rendered(
        "app/web/projects/pages.py", "approvals_of(found)", "app/approvals/routes.py", "services.approvals_of("),
    # 公开资金: the public page shows every project's money (anyone, signed in or not)
    "GET /api/v1/projects/{project_id}/public-money": Rendered(
        "app/public/services.py", "public_money(p.id)", "app/funding/routes.py", "services.public_money("),
    "GET /api/v1/projects/{project_id}/supervision-reports": T + "projects/project.html",
    "POST /api/v1/projects/{project_id}/supervision-reports": T + "projects/project.html",
    "GET /api/v1/projects/{project_id}/evaluations/{consultation_id}/summary": T + "projects/project.html",
    "POST /api/v1/estates/{estate_id}/complaints": T + "projects/complaints.html",
    "GET /api/v1/me/complaints": T + "projects/complaints.html",
    "GET /api/v1/estates/{estate_id}/complaints": T + "projects/complaints.html",
    "GET /api/v1/estates/{estate_id}/fund-ledger": T + "projects/list.html",
    "GET /api/v1/me/fund-accounts": Rendered(
        "app/web/projects/pages.py", "fund.owned_accounts(", "app/projects/fund_routes.py", "fund.owned_accounts("),
    "GET /api/v1/projects/{project_id}/follow-ups": T + "projects/project.html",
    # the estate, my stairwells' elevators, a case's posts edited and moderated
    "GET /api/v1/estates/{estate_id}": Rendered(
        "app/web/home.py", "estate_view(get_or_404(Estate", "app/estates/routes.py", "estate_view(services.get_or_404(Estate"),
    "GET /api/v1/stairwells/{stairwell_id}/elevator-projects": Rendered(
        "app/web/home.py", "elevators.projects_of(stairwell_id) if elevators.can_view(user, p)",
        "app/elevators/routes.py", "services.projects_of(stairwell.id) if services.can_view(user, p)"),
    "GET /api/v1/posts/{post_id}": S + "case.js",
    "PATCH /api/v1/posts/{post_id}": S + "case_edit.js",
    "GET /api/v1/posts/{post_id}/revisions": S + "case_edit.js",
    "GET /api/v1/cases/{case_id}/moderation": Rendered(
        "app/web/routes.py", "cases.moderation_of(", "app/cases/routes.py", "services.moderation_of("),
    # sunlight analyses: the estate's list, one analysis, its chart
    "GET /api/v1/estates/{estate_id}/sunlight-analyses": Rendered(
        "app/web/sunlight/pages.py", "services.analyses_of(estate_id) if services.can_read(user, a)",
        "app/sunlight/routes.py", "services.analyses_of(estate_id) if services.can_read(user, a)"),
    "GET /api/v1/sunlight-analyses/{analysis_id}": Rendered(
        "app/web/sunlight/pages.py", "readable(analysis_id)", "app/sunlight/routes.py", "readable(analysis_id)"),
    "GET /api/v1/sunlight-analyses/{analysis_id}/chart.png": T + "sunlight/analysis.html",
    # progress photos: the page shows each photo at the url the API gives (the media route)
    "GET /api/v1/media/{key}": Rendered(
        S + "project.js", "img.src = photo.url", "app/projects/schemas.py", 'f"/api/v1/media/{photo.storage_key}"'),
    # 共管 (issue 20): decisions, choices, rating, public income, notices, 片区
    "GET /api/v1/estates/{estate_id}/comanage-decisions": Rendered(
        "app/web/comanage/pages.py", "choices.decisions_of(", "app/comanage/routes.py", "choices.decisions_of("),
    "GET /api/v1/consultations/{consultation_id}/choice": Rendered(
        "app/web/consultations/pages.py", "choices.choice_result(c)", "app/comanage/routes.py", "choices.choice_result(c)"),
    "GET /api/v1/estates/{estate_id}/service-ratings": Rendered(
        "app/web/comanage/pages.py", "rating.index_over_time(", "app/comanage/routes.py", "rating.index_over_time("),
    "GET /api/v1/estates/{estate_id}/public-income": Rendered(
        "app/web/comanage/pages.py", "income.ledger(", "app/comanage/routes.py", "income.ledger("),
    "GET /api/v1/me/notices": Rendered(
        "app/web/comanage/pages.py", "notices.my_notices(", "app/comanage/routes.py", "notices.my_notices("),
    "POST /api/v1/notices/{notice_id}/read": T + "comanage/notices.html",
    "GET /api/v1/consultations/{consultation_id}/explainers": Rendered(
        "app/web/consultations/pages.py", "notices.explainers_of(c.id)", "app/comanage/routes.py", "notices.explainers_of(c.id)"),
    "GET /api/v1/neighbourhoods/{neighbourhood_id}": Rendered(
        "app/web/comanage/pages.py", "areas.visible(neighbourhood_id)", "app/comanage/routes_area.py", "areas.visible(neighbourhood_id)"),
    "GET /api/v1/neighbourhoods/{neighbourhood_id}/surveys": Rendered(
        "app/web/comanage/pages.py", "areas.surveys_of(n)", "app/comanage/routes_area.py", "areas.surveys_of(n)"),
    "GET /api/v1/neighbourhood-surveys/{survey_id}/results": Rendered(
        "app/web/comanage/pages.py", "areas.survey_results(s)", "app/comanage/routes_area.py", "areas.survey_results(s)"),
    "GET /api/v1/neighbourhoods/{neighbourhood_id}/resources": Rendered(
        "app/web/comanage/pages.py", "areas.resource_view(r, user)", "app/comanage/routes_area.py", "areas.resource_view(r, user)"),
    "GET /api/v1/spare-resources/{resource_id}": Rendered(
        "app/web/comanage/pages.py", "areas.resource_view(r, user)", "app/comanage/routes_area.py", "areas.resource_view(resource, user)"),
    "POST /api/v1/spare-resources/{resource_id}/proposals": T + "comanage/_resource.html",
    "POST /api/v1/spare-resources/{resource_id}/comments": T + "comanage/_resource.html",
    "PUT /api/v1/spare-resources/{resource_id}/votes": T + "comanage/_resource.html",
    # notifications, my data
    "GET /api/v1/me/notifications": T + "account/notifications.html",
    # the SMS link of a notice (issue 34) and the person's own SMS setting
    "POST /api/v1/notice-links/{token}/open": S + "notice_link.js",
    "POST /api/v1/notice-links/{token}/code": S + "notice_link.js",
    "POST /api/v1/notice-links/{token}/session": S + "notice_link.js",
    "PUT /api/v1/me/sms-notices": T + "account/_sms_setting.html",
    "GET /api/v1/me/sms-notices": Rendered("app/web/account/pages.py", "user.phone in opted_out([user.phone])", "app/reach/routes.py", "phone in opted_out([phone])"),
    "POST /api/v1/me/notifications/read": S + "account.js",
    "GET /api/v1/me/export": T + "account/account.html",
    "DELETE /api/v1/me": S + "account.js",
    # consent to the processing rules: the consent page agrees through the same service
    "POST /api/v1/me/consents": Rendered(
        "app/web/account/consent.py", "consents.accept(", "app/personal/routes.py", "consent.accept("),
    # co-planning (issue 19): apply and support, read the plan and comment on a section
    "GET /api/v1/estates/{estate_id}/applications": Rendered(
        "app/web/coplan/pages.py", "applications.applications_of(", "app/applications/routes.py",
        "services.applications_of("),
    "POST /api/v1/estates/{estate_id}/applications": T + "coplan/application.html",
    "GET /api/v1/applications/{application_id}": Rendered(
        "app/web/coplan/pages.py", "applications.application_view(", "app/applications/routes.py",
        "services.application_view("),
    "POST /api/v1/applications/{application_id}/supports": T + "coplan/application.html",
    "GET /api/v1/estates/{estate_id}/plan-versions": Rendered(
        "app/web/coplan/pages.py", "plans.versions_of(", "app/plans/routes.py", "services.versions_of("),
    "GET /api/v1/plan-versions/{version_id}": Rendered(
        "app/web/coplan/pages.py", "plans.version_view(", "app/plans/routes.py", "services.version_view("),
    "POST /api/v1/plan-sections/{section_id}/comments": T + "coplan/plan.html",
    # issue 19 (b): a closed vote's preliminary result, my flat's record, an objection (询异)
    "GET /api/v1/consultations/{consultation_id}/objections": S + "work.js",
    "POST /api/v1/consultations/{consultation_id}/objections": S + "work.js",
}

#: operations no page calls, on purpose
NOT_FOR_PAGES = {
    "GET /api/v1/neighbourhoods": "apps: the 共管 page shows the estate's one 片区 (areas.area_of_estate)",
    "POST /api/v1/auth/tokens": "token login for apps (the pages use the cookie session)",
    "POST /api/v1/sms/replies": "the SMS provider's reply callback (退订)",
    "POST /api/v1/auth/tokens/refresh": "apps",
    "GET /api/v1/me/consents": "apps: what to agree to; the pages show it on /consent and /account/data",
    "POST /api/v1/auth/tokens/revoke": "apps log out (the pages end the cookie session)",
    "POST /api/v1/auth/web-tickets": "the mini-program opens the pages with it",
    "POST /api/v1/auth/wechat/mini-program": "the mini-program",
    "POST /api/v1/auth/wechat/mini-program/phone": "the mini-program",
    "GET /api/v1/wechat/subscriptions": "the mini-program, before wx.requestSubscribeMessage",
    "POST /api/v1/wechat/subscriptions": "the mini-program, after wx.requestSubscribeMessage",
    "GET /api/v1/auth/wechat/callback": "WeChat redirects the browser here",
    "POST /api/v1/wechat-pay/notify": "WeChat Pay's payment notify (signed by WeChat Pay)",
    "GET /api/v1/qr/{token}": "the link printed in the stairwell's QR code",
    "GET /api/v1/health": "the load balancer",
    "GET /api/v1/dev/sms-outbox": "development only",
    "GET /api/v1/estates/{estate_id}/open-data.csv": "open data for anyone, linked from the public page",
    "GET /api/v1/estates/{estate_id}/open-data.json": "open data for anyone",
    "GET /api/v1/estates/{estate_id}/audit/head": "auditors",
    "GET /api/v1/estates/{estate_id}/audit/head/check": "auditors",
    "GET /api/v1/decision-rules": "reference for apps and committees",
}

#: committee, moderator and staff operations: mapped by the console's own page table
COMMITTEE_OR_STAFF = {
    "GET /api/v1/estates/{estate_id}/heavy-jobs", "GET /api/v1/heavy-jobs/{job_id}",
    "POST /api/v1/heavy-jobs/{job_id}/rerun",
    "GET /api/v1/consultations/{consultation_id}/paper-ballot-counts",
    "GET /api/v1/consultations/{consultation_id}/paper-ballot-scans",
    "GET /api/v1/consultations/{consultation_id}/paper-ballots.pdf",
    "GET /api/v1/consultations/{consultation_id}/paper-ballots/layout.json",
    "GET /api/v1/paper-ballot-scans/{scan_id}",
    "GET /api/v1/paper-ballot-scans/{scan_id}/aligned.jpg",
    "GET /api/v1/paper-ballot-scans/{scan_id}/image",
    "POST /api/v1/consultations/{consultation_id}/paper-ballot-scans",
    "POST /api/v1/paper-ballot-scans/{scan_id}/confirm",
    "POST /api/v1/paper-ballot-scans/{scan_id}/reject",
    "GET /api/v1/buildings/{place_id}/qr", "GET /api/v1/buildings/{place_id}/qr.png",
    "GET /api/v1/buildings/{place_id}/qr.svg", "POST /api/v1/buildings/{place_id}/qr/rotate",
    "GET /api/v1/stairwells/{place_id}/qr", "GET /api/v1/stairwells/{place_id}/qr.png",
    "GET /api/v1/stairwells/{place_id}/qr.svg", "POST /api/v1/stairwells/{place_id}/qr/rotate",
    "POST /api/v1/cases/{case_id}/close", "POST /api/v1/cases/{case_id}/lock",
    "POST /api/v1/cases/{case_id}/unlock", "POST /api/v1/cases/{case_id}/meetings",
    "POST /api/v1/cases/{case_id}/scheduled-meetings", "POST /api/v1/case-meetings/{meeting_id}/minutes",
    "POST /api/v1/case-meetings/{meeting_id}/sign-ins",
    "POST /api/v1/supervision-reports/{report_id}/answer",
    "GET /api/v1/cases/{case_id}/reports", "POST /api/v1/cases/{case_id}/resolution",
    "POST /api/v1/posts/{post_id}/hide", "POST /api/v1/posts/{post_id}/unhide",
    "POST /api/v1/claims/{claim_id}/approve", "POST /api/v1/claims/{claim_id}/reject",
    "POST /api/v1/complaints/{complaint_id}/status", "GET /api/v1/consultation-templates",
    "POST /api/v1/consultations/{consultation_id}/assisted-ballots",
    "POST /api/v1/consultations/{consultation_id}/close", "POST /api/v1/consultations/{consultation_id}/open",
    "POST /api/v1/consultations/{consultation_id}/publish",
    "POST /api/v1/consultations/{consultation_id}/electorate/rebase",
    "POST /api/v1/elevator-projects/{project_id}/advance",
    "POST /api/v1/elevator-projects/{project_id}/cost-shares/what-if",
    "POST /api/v1/estates", "GET /api/v1/estates/{estate_id}/claims",
    "POST /api/v1/estates/{estate_id}/consultations", "POST /api/v1/estates/{estate_id}/flat-codes",
    "POST /api/v1/estates/{estate_id}/flats/import", "POST /api/v1/estates/{estate_id}/fund-ledger",
    "POST /api/v1/flats/{flat_id}/transfer",
    "POST /api/v1/estates/{estate_id}/fund-ledger/preview", "GET /api/v1/estates/{estate_id}/fund-accounts",
    "POST /api/v1/estates/{estate_id}/members", "POST /api/v1/estates/{estate_id}/projects",
    "GET /api/v1/estates/{estate_id}/qr-posters.pdf", "GET /api/v1/estates/{estate_id}/qr-scans",
    "GET /api/v1/consultations/{consultation_id}/print/notice.pdf",
    "GET /api/v1/consultations/{consultation_id}/print/door-to-door.pdf",
    "POST /api/v1/consultations/{consultation_id}/print/letters.pdf",
    "GET /api/v1/case-meetings/{meeting_id}/sign-in.pdf",
    "POST /api/v1/estates/{estate_id}/sunlight-analyses", "PUT /api/v1/sunlight-analyses/{analysis_id}",
    "POST /api/v1/projects/{project_id}/advance", "PUT /api/v1/projects/{project_id}/funding",
    "PUT /api/v1/projects/{project_id}/items", "POST /api/v1/projects/{project_id}/progress",
    "POST /api/v1/projects/{project_id}/evaluations",
    "POST /api/v1/projects/{project_id}/evaluations/{consultation_id}/follow-ups",
    "GET /api/v1/stairwells/{stairwell_id}/flats",
    "POST /api/v1/stairwells/{stairwell_id}/elevator-projects",
    "GET /api/v1/staff/estates", "GET /api/v1/staff/ranking", "GET /api/v1/staff/approvals",
    "POST /api/v1/projects/{project_id}/contribution-charges", "GET /api/v1/contribution-charges/{charge_id}",
    "POST /api/v1/contribution-charges/{charge_id}/payments", "POST /api/v1/contribution-payments/{payment_id}/void",
    "PUT /api/v1/projects/{project_id}/paying-instructions",
    "PUT /api/v1/projects/{project_id}/approvals/{kind}",
    "POST /api/v1/projects/{project_id}/approvals/{kind}/document",
    "PUT /api/v1/estates/{estate_id}/green-community/{criterion}",
    "POST /api/v1/estates/{estate_id}/joint-meetings", "POST /api/v1/joint-meetings/{meeting_id}/tasks",
    "PUT /api/v1/responsibility-tasks/{task_id}", "GET /api/v1/staff/overdue-tasks",
    "GET /api/v1/projects/{project_id}/utilities", "POST /api/v1/projects/{project_id}/utility-works",
    "PUT /api/v1/utility-works/{work_id}", "POST /api/v1/projects/{project_id}/utility-contributions",
    "POST /api/v1/projects/{project_id}/utility-handovers", "GET /api/v1/staff/utility-clashes",
    "GET /api/v1/projects/{project_id}/money", "POST /api/v1/projects/{project_id}/money-entries",
    "POST /api/v1/money-entries/{entry_id}/evidence",
    "POST /api/v1/applications/{application_id}/submit", "POST /api/v1/applications/{application_id}/reserve",
    "POST /api/v1/applications/{application_id}/paper-supports",
    "GET /api/v1/staff/reserve", "GET /api/v1/annual-plans", "POST /api/v1/annual-plans",
    "GET /api/v1/annual-plans/{plan_id}", "POST /api/v1/annual-plans/{plan_id}/entries",
    "POST /api/v1/estates/{estate_id}/plan-versions", "POST /api/v1/plan-versions/{version_id}/publicity",
    "POST /api/v1/plan-comments/{comment_id}/answer", "PUT /api/v1/buildings/{building_id}/heritage",
    "GET /api/v1/estates/{estate_id}/heritage", "POST /api/v1/estates/{estate_id}/heritage-reviews",
    "PUT /api/v1/consultations/{consultation_id}/budget-cap",
    "POST /api/v1/consultations/{consultation_id}/project",
    "POST /api/v1/projects/{project_id}/items/{item_id}/updates",
    "POST /api/v1/projects/{project_id}/acceptance",
    "POST /api/v1/result-objections/{objection_id}/resolve",
    # the committee's statement for a meeting (app/sunlight/access.py: editors only)
    "GET /api/v1/sunlight-analyses/{analysis_id}/statement.pdf",
    "POST /api/v1/estates/{estate_id}/comanage-decisions", "POST /api/v1/estates/{estate_id}/service-ratings",
    "POST /api/v1/estates/{estate_id}/public-income", "GET /api/v1/estates/{estate_id}/notices",
    "POST /api/v1/estates/{estate_id}/notices", "POST /api/v1/neighbourhoods",
    "POST /api/v1/neighbourhoods/{neighbourhood_id}/surveys",
    "POST /api/v1/neighbourhoods/{neighbourhood_id}/resources",
    "GET /api/v1/neighbourhoods/{neighbourhood_id}/notices",
    "POST /api/v1/neighbourhoods/{neighbourhood_id}/notices",
    "POST /api/v1/consultations/{consultation_id}/notices", "GET /api/v1/consultations/{consultation_id}/notices",
    "GET /api/v1/consultations/{consultation_id}/reach", "POST /api/v1/estates/{estate_id}/sms-opt-outs",
    "GET /api/v1/estates/{estate_id}/sms-budget", "PUT /api/v1/estates/{estate_id}/sms-budget",
}


def test_every_mapped_page_really_makes_its_call():
    assert problems(RESIDENT_PAGES) == []


def test_every_resident_operation_has_a_page():
    classified = set(RESIDENT_PAGES) | set(NOT_FOR_PAGES) | COMMITTEE_OR_STAFF
    unclassified = sorted(spec_operations() - classified)
    assert unclassified == [], f"operations with no page and no reason: {unclassified}"
    assert not set(RESIDENT_PAGES) & (set(NOT_FOR_PAGES) | COMMITTEE_OR_STAFF)
    assert classified <= spec_operations(), sorted(classified - spec_operations())


def test_the_check_finds_a_call_and_misses_a_missing_one():
    from tests.web.page_map import calls
    assert calls('GZ.api("POST", "/api/v1/proxies/" + p.id + "/revoke", {})', "/api/v1/proxies/{proxy_id}/revoke")
    assert calls('href="/api/v1/projects/{{ project.id }}/progress"', "/api/v1/projects/{project_id}/progress")
    assert not calls('"/api/v1/proxies/" + p.id', "/api/v1/proxies/{proxy_id}/revoke")
    assert problems({"GET /api/v1/me/export": S + "case.js"}) != []


def test_a_resident_operation_left_without_a_page_is_named():
    every = set(RESIDENT_PAGES) | set(NOT_FOR_PAGES) | COMMITTEE_OR_STAFF
    assert spec_operations() - (every - {"PATCH /api/v1/posts/{post_id}"}) == {"PATCH /api/v1/posts/{post_id}"}
