"""Every API operation a committee member, moderator, designer, contractor or street office
staff may call has a console or street page that calls it (or shows what it answers through
the same service): the table below names the page or script and the text in it that makes
the call. The test reads the OpenAPI document, so a new operation fails here until it is
classified: given a page, or named as a resident/public operation (tests/web/test_page_map.py
maps those), or listed in NO_PAGE_YET with the reason.
"""
import re
from pathlib import Path

import pytest

from app import create_app
from app.config import TestConfig

ROOT = Path(__file__).resolve().parents[2]
WEB = "app/web/"
T = WEB + "templates/web/console/"
S = WEB + "static/"
RESERVE = WEB + "templates/web/street/reserve.html"

#: (method, path template from the OpenAPI document) -> (file, [texts that make the call])
CONSOLE_PAGES = {
    # 后台任务 (the console page lists and re-runs through the same services as the API)
    ("GET", "/api/v1/estates/{estate_id}/heavy-jobs"): (WEB + "heavyjobs/console.py", ["services.jobs_of(estate.id)"]),
    ("GET", "/api/v1/heavy-jobs/{job_id}"): (WEB + "heavyjobs/console.py", ["services.get_job(job_id)"]),
    ("POST", "/api/v1/heavy-jobs/{job_id}/rerun"): (WEB + "heavyjobs/console.py", ["services.rerun(job, user.id)"]),
    # 居民出资 (the console page renders each charge from the service the API route calls)
    ("POST", "/api/v1/projects/{project_id}/contribution-charges"): (T + "contributions.html", ['data-api="/api/v1/projects/{{ project.id }}/contribution-charges"']),
    ("GET", "/api/v1/contribution-charges/{charge_id}"): (WEB + "contributions/console.py", ["project_contributions(project, full=True)"]),
    ("POST", "/api/v1/contribution-charges/{charge_id}/payments"): (T + "contributions.html", ['data-api="/api/v1/contribution-charges/{{ c.id }}/payments"']),
    ("POST", "/api/v1/contribution-payments/{payment_id}/void"): (T + "contributions.html", ['data-api="/api/v1/contribution-payments/{{ p.id }}/void"']),
    ("PUT", "/api/v1/projects/{project_id}/paying-instructions"): (T + "contributions.html", ['data-api="/api/v1/projects/{{ project.id }}/paying-instructions" data-method="PUT"']),
    # 纸质表决票 (the phone page posts to itself and calls the same services as the API)
    ("GET", "/api/v1/consultations/{consultation_id}/paper-ballots.pdf"): (T + "paper.html", ["/api/v1/consultations/{{ c.id }}/paper-ballots.pdf"]),
    ("GET", "/api/v1/consultations/{consultation_id}/paper-ballot-scans"): (WEB + "consultations/console_paper.py", ["paper.scans_of(c)"]),
    ("GET", "/api/v1/consultations/{consultation_id}/paper-ballot-counts"): (WEB + "consultations/console_paper.py", ["paper.counts_by_stairwell(c)"]),
    ("POST", "/api/v1/consultations/{consultation_id}/paper-ballot-scans"): (WEB + "consultations/console_paper.py", ["paper.read_scan(c, user.id"]),
    ("GET", "/api/v1/paper-ballot-scans/{scan_id}"): (WEB + "consultations/console_paper.py", ["paper.merged_answers(current)"]),
    ("GET", "/api/v1/paper-ballot-scans/{scan_id}/image"): (T + "paper.html", ["/api/v1/paper-ballot-scans/{{ view.scan.id }}/image"]),
    ("GET", "/api/v1/paper-ballot-scans/{scan_id}/aligned.jpg"): (T + "paper.html", ["/api/v1/paper-ballot-scans/{{ view.scan.id }}/aligned.jpg"]),
    ("POST", "/api/v1/paper-ballot-scans/{scan_id}/confirm"): (WEB + "consultations/console_paper.py", ["paper.confirm_scan(scan, user"]),
    ("POST", "/api/v1/paper-ballot-scans/{scan_id}/reject"): (WEB + "consultations/console_paper.py", ["paper.reject_scan(scan, user.id"]),
    # 一事一议
    ("GET", "/api/v1/estates/{estate_id}/cases"): (WEB + "console.py", ["cases.list_cases(estate.id)"]),
    ("POST", "/api/v1/estates/{estate_id}/cases"): (S + "console_cases.js", ['"/api/v1/estates/" + form.getAttribute("data-estate") + "/cases"']),
    ("GET", "/api/v1/cases/{case_id}"): (WEB + "cases/console.py", ["case_views.case_view(found, user)"]),
    ("GET", "/api/v1/cases/{case_id}/meetings"): (T + "case.html", ["{% for meeting in case.meetings %}"]),
    ("GET", "/api/v1/case-meetings/{meeting_id}/sign-ins"): (WEB + "cases/console.py", ["sign_ins.attendance_by_meeting(found.id, full=True)"]),
    ("POST", "/api/v1/cases/{case_id}/meetings"): (S + "console_cases.js", ['"/api/v1/cases/" + form.getAttribute("data-case") + "/meetings"']),
    ("POST", "/api/v1/cases/{case_id}/scheduled-meetings"): (S + "console_cases.js", ['"/api/v1/cases/" + form.getAttribute("data-case") + "/scheduled-meetings"']),
    ("POST", "/api/v1/case-meetings/{meeting_id}/minutes"): (S + "console_cases.js", ['"/api/v1/case-meetings/" + form.getAttribute("data-meeting") + "/minutes"']),
    ("POST", "/api/v1/cases/{case_id}/resolution"): (S + "console_cases.js", ['"/api/v1/cases/" + form.getAttribute("data-case") + "/resolution"']),
    ("POST", "/api/v1/cases/{case_id}/close"): (T + "case.html", ['data-api="/api/v1/cases/{{ case.id }}/close"']),
    ("GET", "/api/v1/cases/{case_id}/reports"): (WEB + "cases/console.py", ["cases.reports_of(case)"]),
    ("GET", "/api/v1/cases/{case_id}/moderation"): (WEB + "cases/console.py", ["cases.moderation_of(found)"]),
    ("POST", "/api/v1/posts/{post_id}/hide"): (T + "case.html", ["'unhide' if post.hidden else 'hide'", 'data-api="/api/v1/posts/{{ post.id }}/{{ act }}"']),
    ("POST", "/api/v1/posts/{post_id}/unhide"): (T + "case.html", ["'unhide' if post.hidden else 'hide'", 'data-api="/api/v1/posts/{{ post.id }}/{{ act }}"']),
    ("POST", "/api/v1/cases/{case_id}/lock"): (T + "case.html", ["'unlock' if case.locked else 'lock'", 'data-api="/api/v1/cases/{{ case.id }}/{{ locking }}"']),
    ("POST", "/api/v1/cases/{case_id}/unlock"): (T + "case.html", ["'unlock' if case.locked else 'lock'", 'data-api="/api/v1/cases/{{ case.id }}/{{ locking }}"']),
    # consultations
    ("GET", "/api/v1/consultation-templates"): (WEB + "consultations/console.py", ["services.all_templates()"]),
    ("GET", "/api/v1/decision-rules"): (WEB + "cases/console.py", ["all_rules().values()"]),
    ("GET", "/api/v1/estates/{estate_id}/consultations"): (WEB + "consultations/console.py", ["services.list_consultations(estate.id"]),
    ("POST", "/api/v1/estates/{estate_id}/consultations"): (S + "console.js", ['"/api/v1/estates/" + form.getAttribute("data-estate") + "/consultations"']),
    ("GET", "/api/v1/consultations/{consultation_id}"): (WEB + "consultations/console.py", ["c, _ = managed(consultation_id)"]),
    ("POST", "/api/v1/consultations/{consultation_id}/open"): (T + "consultation.html", ["{'draft': 'open', 'open': 'close', 'closed': 'publish'}", 'data-lifecycle="{{ next_step }}"']),
    ("POST", "/api/v1/consultations/{consultation_id}/close"): (T + "consultation.html", ["{'draft': 'open', 'open': 'close', 'closed': 'publish'}", 'data-lifecycle="{{ next_step }}"']),
    ("POST", "/api/v1/consultations/{consultation_id}/publish"): (T + "consultation.html", ["{'draft': 'open', 'open': 'close', 'closed': 'publish'}", 'data-lifecycle="{{ next_step }}"']),
    ("POST", "/api/v1/consultations/{consultation_id}/electorate/rebase"): (T + "consultation.html", ['id="rebase" data-lifecycle="electorate/rebase"']),
    ("POST", "/api/v1/consultations/{consultation_id}/assisted-ballots"): (WEB + "consultations/console.py", ["services.cast_assisted_ballot("]),
    ("GET", "/api/v1/consultations/{consultation_id}/results"): (WEB + "consultations/console.py", ["ResultsSchema().dump(services.results(c))"]),
    ("GET", "/api/v1/consultations/{consultation_id}/export.{fmt}"): (T + "consultation.html", ["/export.csv", "/export.pdf"]),
    # elevators
    ("GET", "/api/v1/stairwells/{stairwell_id}/elevator-projects"): (WEB + "elevators/console.py", ["services.projects_of_estate(estate.id)"]),
    ("POST", "/api/v1/stairwells/{stairwell_id}/elevator-projects"): (S + "console_elevators.js", ['"/api/v1/stairwells/" + stairwell + "/elevator-projects"']),
    ("GET", "/api/v1/elevator-projects/{project_id}"): (WEB + "elevators/console.py", ["services.project_view(project"]),
    ("GET", "/api/v1/elevator-projects/{project_id}/cost-shares"): (WEB + "elevators/console.py", ["shares_or_reason(project)"]),
    ("POST", "/api/v1/elevator-projects/{project_id}/cost-shares/what-if"): (S + "console_elevators.js", ['"/cost-shares/what-if"']),
    ("POST", "/api/v1/elevator-projects/{project_id}/advance"): (S + "console_elevators.js", ['"/api/v1/elevator-projects/" + form.getAttribute("data-project") + "/advance"']),
    # the estate
    ("POST", "/api/v1/estates"): (WEB + "templates/web/street/estates.html", ['data-api="/api/v1/estates"']),
    ("GET", "/api/v1/estates/{estate_id}"): (WEB + "console.py", ["get_or_404(Estate, estate_id)"]),
    ("GET", "/api/v1/estates/{estate_id}/buildings"): (WEB + "console.py", ["buildings_with_stairwells(estate.id)"]),
    ("POST", "/api/v1/estates/{estate_id}/flats/import"): (T + "ledger.html", ['data-url="/api/v1/estates/{{ estate.id }}/flats/import"']),
    ("POST", "/api/v1/estates/{estate_id}/members"): (T + "members.html", ['data-api="/api/v1/estates/{{ estate.id }}/members"']),
    ("GET", "/api/v1/estates/{estate_id}/claims"): (WEB + "console.py", ["claims_for_review(estate.id)"]),
    ("POST", "/api/v1/claims/{claim_id}/approve"): (S + "console.js", ['"/api/v1/claims/" + button.getAttribute("data-" + verb) + "/" + verb', 'decide(button, "approve"']),
    ("POST", "/api/v1/claims/{claim_id}/reject"): (S + "console.js", ['"/api/v1/claims/" + button.getAttribute("data-" + verb) + "/" + verb', 'decide(pendingReject, "reject"']),
    ("POST", "/api/v1/estates/{estate_id}/flat-codes"): (S + "console.js", ['"/api/v1/estates/" + estate + "/flat-codes"']),
    ("POST", "/api/v1/flats/{flat_id}/transfer"): (T + "claims.html", ['data-api-pattern="/api/v1/flats/{flat}/transfer"']),
    ("GET", "/api/v1/stairwells/{stairwell_id}/flats"): (S + "console.js", ['"/api/v1/stairwells/" + event.target.value + "/flats"']),
    ("GET", "/api/v1/stairwells/{place_id}/qr"): (S + "console_posters.js", ['"/api/v1/" + kind + "s/" + id + "/qr"', '"stairwell" : "building"']),
    ("GET", "/api/v1/buildings/{place_id}/qr"): (S + "console_posters.js", ['"/api/v1/" + kind + "s/" + id + "/qr"', '"stairwell" : "building"']),
    ("GET", "/api/v1/estates/{estate_id}/qr-scans"): (S + "console_posters.js", ['"/api/v1/estates/" + grid.getAttribute("data-estate") + "/qr-scans"']),
    # QR codes and posters
    ("GET", "/api/v1/stairwells/{place_id}/qr.svg"): (T + "posters.html", ['/api/v1/stairwells/{{ stairwell.id }}/qr.svg']),
    ("GET", "/api/v1/stairwells/{place_id}/qr.png"): (T + "posters.html", ['/api/v1/stairwells/{{ stairwell.id }}/qr.png']),
    ("POST", "/api/v1/stairwells/{place_id}/qr/rotate"): (T + "posters.html", ['/api/v1/stairwells/{{ stairwell.id }}/qr/rotate']),
    ("GET", "/api/v1/buildings/{place_id}/qr.svg"): (T + "posters.html", ['/api/v1/buildings/{{ building.id }}/qr.svg']),
    ("GET", "/api/v1/buildings/{place_id}/qr.png"): (T + "posters.html", ['/api/v1/buildings/{{ building.id }}/qr.png']),
    ("POST", "/api/v1/buildings/{place_id}/qr/rotate"): (T + "posters.html", ['/api/v1/buildings/{{ building.id }}/qr/rotate']),
    ("GET", "/api/v1/estates/{estate_id}/qr-posters.pdf"): (T + "posters.html", ['/api/v1/estates/{{ estate.id }}/qr-posters.pdf']),
    # 打印材料 (the printed kit)
    ("GET", "/api/v1/consultations/{consultation_id}/print/notice.pdf"): (T + "print.html", ['/api/v1/consultations/{{ vote.id }}/print/notice.pdf']),
    ("GET", "/api/v1/consultations/{consultation_id}/print/door-to-door.pdf"): (T + "print.html", ['/api/v1/consultations/{{ vote.id }}/print/door-to-door.pdf']),
    ("POST", "/api/v1/consultations/{consultation_id}/print/letters.pdf"): (S + "console_print.js", ['"/api/v1/consultations/" + vote + "/print/letters.pdf"']),
    ("GET", "/api/v1/case-meetings/{meeting_id}/sign-in.pdf"): (T + "print.html", ['/api/v1/case-meetings/{{ meeting.id }}/sign-in.pdf']),
    # renovation projects, complaints, the fund
    ("GET", "/api/v1/estates/{estate_id}/projects"): (S + "console_projects.js", ['GZ.api("GET", "/api/v1/estates/" + estate + "/projects")']),
    ("POST", "/api/v1/estates/{estate_id}/projects"): (S + "console_projects.js", ['call(form, "POST", "/api/v1/estates/" + estate + "/projects"']),
    ("GET", "/api/v1/projects/{project_id}"): (S + "console_projects.js", ['var base = "/api/v1/projects/"', 'GZ.api("GET", base)']),
    ("POST", "/api/v1/projects/{project_id}/advance"): (S + "console_projects.js", ['"POST", base + "/advance"']),
    ("PUT", "/api/v1/projects/{project_id}/funding"): (S + "console_projects.js", ['"PUT", base + "/funding"']),
    ("PUT", "/api/v1/projects/{project_id}/items"): (S + "console_projects.js", ['"PUT", base + "/items"']),
    ("GET", "/api/v1/projects/{project_id}/progress"): (S + "console_projects.js", ['GZ.api("GET", base + "/progress")']),
    ("POST", "/api/v1/projects/{project_id}/progress"): (S + "console_projects.js", ['"POST", base + "/progress", new FormData(progress)']),
    ("GET", "/api/v1/projects/{project_id}/supervision-reports"): (S + "console_projects.js", ['GZ.api("GET", base + "/supervision-reports")']),
    ("POST", "/api/v1/supervision-reports/{report_id}/answer"): (S + "console_projects.js", ['"/api/v1/supervision-reports/" + report.id + "/answer"']),
    ("GET", "/api/v1/estates/{estate_id}/complaints"): (S + "console_projects.js", ['box.getAttribute("data-estate") + "/complaints"']),
    ("POST", "/api/v1/complaints/{complaint_id}/status"): (S + "console_projects.js", ['"/api/v1/complaints/" + complaint.id + "/status"']),
    ("GET", "/api/v1/estates/{estate_id}/fund-ledger"): (S + "console_fund.js", ['var url = "/api/v1/estates/" + estate + "/fund-ledger"', 'GZ.api("GET", url)']),
    ("POST", "/api/v1/estates/{estate_id}/fund-ledger"): (S + "console_fund.js", ['var url = "/api/v1/estates/" + estate + "/fund-ledger"', 'GZ.api("POST", url, body)']),
    ("POST", "/api/v1/estates/{estate_id}/fund-ledger/preview"): (S + "console_fund.js", ['var url = "/api/v1/estates/" + estate + "/fund-ledger"', 'GZ.api("POST", url + "/preview", body)']),
    ("GET", "/api/v1/estates/{estate_id}/fund-accounts"): (S + "console_fund.js", ['"/api/v1/estates/" + accounts.getAttribute("data-estate") + "/fund-accounts"']),
    ("POST", "/api/v1/projects/{project_id}/evaluations"): (S + "console_projects.js", ['"POST", base + "/evaluations", { closes_at']),
    ("GET", "/api/v1/projects/{project_id}/evaluations/{consultation_id}/summary"): (S + "console_projects.js", ['base + "/evaluations/" + id + "/summary"']),
    ("POST", "/api/v1/projects/{project_id}/evaluations/{consultation_id}/follow-ups"): (S + "console_projects.js", ['"POST", base + "/evaluations/" + id + "/follow-ups"']),
    ("GET", "/api/v1/projects/{project_id}/follow-ups"): (S + "console_projects.js", ['GZ.api("GET", base + "/follow-ups")']),
    # issue 19 (b): a content vote within means, the project from it, items, acceptance, objections
    ("PUT", "/api/v1/consultations/{consultation_id}/budget-cap"): (S + "console_work.js", ['"PUT", "/api/v1/consultations/" + id + "/budget-cap"']),
    ("POST", "/api/v1/consultations/{consultation_id}/project"): (S + "console_projects.js", ['"POST", "/api/v1/consultations/" + vote.value + "/project"']),
    ("POST", "/api/v1/projects/{project_id}/items/{item_id}/updates"): (S + "console_work.js", ['"/api/v1/projects/" + pid + "/items/" + item.id + "/updates"']),
    ("POST", "/api/v1/projects/{project_id}/acceptance"): (S + "console_work.js", ['"POST", "/api/v1/projects/" + pid + "/acceptance"']),
    ("GET", "/api/v1/consultations/{consultation_id}/objections"): (S + "console_work.js", ['GZ.api("GET", "/api/v1/consultations/" + id + "/objections")']),
    ("POST", "/api/v1/result-objections/{objection_id}/resolve"): (S + "console_work.js", ['"POST", "/api/v1/result-objections/" + objection.id + "/resolve"']),
    # sunlight (日照分析)
    ("GET", "/api/v1/estates/{estate_id}/sunlight-analyses"): (WEB + "sunlight/windows.py", ["services.analyses_of(estate.id)"]),
    ("POST", "/api/v1/estates/{estate_id}/sunlight-analyses"): (S + "sunlight_form.js", ['"/api/v1/estates/" + DATA.estateId + "/sunlight-analyses"']),
    ("GET", "/api/v1/sunlight-analyses/{analysis_id}"): (WEB + "sunlight/windows.py", ["services.get_analysis(analysis_id)"]),
    ("PUT", "/api/v1/sunlight-analyses/{analysis_id}"): (S + "sunlight_form.js", ['"/api/v1/sunlight-analyses/" + DATA.analysisId']),
    # 共管 (issue 20): decisions and choices, rating, public income, notices
    ("GET", "/api/v1/estates/{estate_id}/comanage-decisions"): (WEB + "comanage/console.py", ["decision_rows(estate.id, user)"]),
    ("POST", "/api/v1/estates/{estate_id}/comanage-decisions"): (T + "comanage.html", ['data-api="/api/v1/estates/{{ estate.id }}/comanage-decisions"']),
    ("GET", "/api/v1/consultations/{consultation_id}/choice"): (WEB + "comanage/pages.py", ["choices.choice_result(c)"]),
    ("GET", "/api/v1/estates/{estate_id}/service-ratings"): (WEB + "comanage/console.py", ["rating.index_over_time(estate.id)"]),
    ("POST", "/api/v1/estates/{estate_id}/service-ratings"): (T + "comanage.html", ['data-api="/api/v1/estates/{{ estate.id }}/service-ratings"']),
    ("GET", "/api/v1/estates/{estate_id}/public-income"): (WEB + "comanage/console.py", ["income.ledger(estate.id)"]),
    ("POST", "/api/v1/estates/{estate_id}/public-income"): (T + "public_income.html", ['data-api="/api/v1/estates/{{ estate.id }}/public-income"']),
    ("GET", "/api/v1/estates/{estate_id}/notices"): (WEB + "comanage/console.py", ["notices.estate_notices(estate.id)"]),
    ("POST", "/api/v1/estates/{estate_id}/notices"): (T + "notices.html", ['data-api="/api/v1/estates/{{ estate.id }}/notices"']),
    # 片区 (the street office)
    ("GET", "/api/v1/neighbourhoods"): (WEB + "street/areas.py", ["areas.list_visible(user)"]),
    ("POST", "/api/v1/neighbourhoods"): (WEB + "templates/web/street/areas.html", ['data-api="/api/v1/neighbourhoods"']),
    ("GET", "/api/v1/neighbourhoods/{neighbourhood_id}"): (WEB + "street/areas.py", ["areas.managed(neighbourhood_id)"]),
    ("GET", "/api/v1/neighbourhoods/{neighbourhood_id}/surveys"): (WEB + "street/areas.py", ["areas.surveys_of(n)"]),
    ("POST", "/api/v1/neighbourhoods/{neighbourhood_id}/surveys"): (WEB + "templates/web/street/area.html", ['data-api="/api/v1/neighbourhoods/{{ area.id }}/surveys"']),
    ("GET", "/api/v1/neighbourhood-surveys/{survey_id}/results"): (WEB + "street/areas.py", ["areas.survey_results(s)"]),
    ("GET", "/api/v1/neighbourhoods/{neighbourhood_id}/resources"): (WEB + "street/areas.py", ["areas.resource_view(r, user)"]),
    ("POST", "/api/v1/neighbourhoods/{neighbourhood_id}/resources"): (WEB + "templates/web/street/area.html", ['data-api="/api/v1/neighbourhoods/{{ area.id }}/resources"']),
    ("GET", "/api/v1/spare-resources/{resource_id}"): (WEB + "street/areas.py", ["areas.resource_view(r, user)"]),
    ("POST", "/api/v1/spare-resources/{resource_id}/proposals"): (WEB + "templates/web/comanage/_resource.html", ['data-api="/api/v1/spare-resources/{{ r.id }}/proposals"']),
    ("POST", "/api/v1/spare-resources/{resource_id}/comments"): (WEB + "templates/web/comanage/_resource.html", ['data-api="/api/v1/spare-resources/{{ r.id }}/comments"']),
    ("GET", "/api/v1/neighbourhoods/{neighbourhood_id}/notices"): (WEB + "street/areas.py", ["notices.neighbourhood_notices(n)"]),
    ("POST", "/api/v1/neighbourhoods/{neighbourhood_id}/notices"): (WEB + "templates/web/street/area.html", ['data-api="/api/v1/neighbourhoods/{{ area.id }}/notices"']),
    # the street office
    ("GET", "/api/v1/staff/ranking"): (WEB + "street/pages.py", ["services.rank_estates("]),
    ("GET", "/api/v1/staff/estates"): (WEB + "street/pages.py", ["services.estate_overview("]),
    ("GET", "/api/v1/staff/approvals"): (WEB + "street/pages.py", ["rows=waiting_projects()"]),
    # a project's approvals (审批); the green-community checklist; joint meetings
    ("POST", "/api/v1/estates/{estate_id}/joint-meetings"): (T + "coordination.html", ['data-api="/api/v1/estates/{{ estate.id }}/joint-meetings"']),
    ("POST", "/api/v1/joint-meetings/{meeting_id}/tasks"): (T + "coordination.html", ['data-api="/api/v1/joint-meetings/{{ meeting.id }}/tasks"']),
    ("PUT", "/api/v1/responsibility-tasks/{task_id}"): (T + "coordination.html", ['data-api="/api/v1/responsibility-tasks/{{ task.id }}" data-method="PUT"']),
    ("GET", "/api/v1/staff/overdue-tasks"): (WEB + "street/pages.py", ["rows=overdue_tasks()"]),
    ("PUT", "/api/v1/estates/{estate_id}/green-community/{criterion}"): (T + "green.html", ['data-api="/api/v1/estates/{{ estate.id }}/green-community/{{ item.key }}" data-method="PUT"']),
    ("PUT", "/api/v1/projects/{project_id}/approvals/{kind}"): (T + "_approvals.html", ['data-api="/api/v1/projects/{{ project.id }}/approvals/{{ a.kind }}" data-method="PUT"']),
    ("POST", "/api/v1/projects/{project_id}/approvals/{kind}/document"): (T + "_approvals.html", ['data-api="/api/v1/projects/{{ project.id }}/approvals/{{ a.kind }}/document"']),
    # 专业经营单位 (a project's pipeline works, money, handovers) and 公开资金 (its money by source)
    ("GET", "/api/v1/projects/{project_id}/utilities"): (WEB + "projects/console.py", ["view=utilities_overview(found)"]),
    ("POST", "/api/v1/projects/{project_id}/utility-works"): (T + "utilities.html", ['data-api="/api/v1/projects/{{ project.id }}/utility-works"']),
    ("PUT", "/api/v1/utility-works/{work_id}"): (T + "utilities.html", ['data-api="/api/v1/utility-works/{{ work.id }}" data-method="PUT"']),
    ("POST", "/api/v1/projects/{project_id}/utility-contributions"): (T + "utilities.html", ['data-api="/api/v1/projects/{{ project.id }}/utility-contributions"']),
    ("POST", "/api/v1/projects/{project_id}/utility-handovers"): (T + "utilities.html", ['data-api="/api/v1/projects/{{ project.id }}/utility-handovers" data-multipart']),
    ("GET", "/api/v1/staff/utility-clashes"): (WEB + "street/pages.py", ["rows=all_clashes()"]),
    ("GET", "/api/v1/projects/{project_id}/money"): (WEB + "projects/console.py", ["table=money_table(found.id)"]),
    ("POST", "/api/v1/projects/{project_id}/money-entries"): (T + "money.html", ['data-api="/api/v1/projects/{{ project.id }}/money-entries"']),
    ("POST", "/api/v1/money-entries/{entry_id}/evidence"): (T + "money.html", ['data-api="/api/v1/money-entries/{{ e.id }}/evidence" data-multipart']),
    # co-planning (issue 19): the application, the reserve and annual plans, the plan, heritage
    ("POST", "/api/v1/applications/{application_id}/submit"): (T + "coplan_application.html", ['data-api="/api/v1/applications/{{ application.id }}/submit"']),
    ("POST", "/api/v1/applications/{application_id}/paper-supports"): (T + "coplan_application.html", ['data-api="/api/v1/applications/{{ application.id }}/paper-supports"']),
    ("POST", "/api/v1/case-meetings/{meeting_id}/sign-ins"): (T + "case.html", ['data-api="/api/v1/case-meetings/{{ meeting.id }}/sign-ins"']),
    ("POST", "/api/v1/applications/{application_id}/reserve"): (RESERVE, ['data-json-api="/api/v1/applications/{{ row.application.id }}/reserve"']),
    ("GET", "/api/v1/staff/reserve"): (WEB + "coplan/console.py", ["staff.ranked_reserve()"]),
    ("GET", "/api/v1/annual-plans"): (WEB + "coplan/console.py", ["reserve.list_plans()"]),
    ("POST", "/api/v1/annual-plans"): (RESERVE, ['data-json-api="/api/v1/annual-plans"']),
    ("GET", "/api/v1/annual-plans/{plan_id}"): (WEB + "coplan/console.py", ["reserve.plan_view(p)"]),
    ("POST", "/api/v1/annual-plans/{plan_id}/entries"): (RESERVE, ['data-json-api="/api/v1/annual-plans/{{ plan.id }}/entries"']),
    ("POST", "/api/v1/estates/{estate_id}/plan-versions"): (T + "coplan_plan.html", ['data-json-api="/api/v1/estates/{{ estate.id }}/plan-versions"']),
    ("POST", "/api/v1/plan-versions/{version_id}/publicity"): (T + "coplan_plan.html", ['data-api="/api/v1/plan-versions/{{ version.id }}/publicity"']),
    ("POST", "/api/v1/plan-comments/{comment_id}/answer"): (T + "coplan_plan.html", ['data-api="/api/v1/plan-comments/{{ comment.id }}/answer"']),
    ("PUT", "/api/v1/buildings/{building_id}/heritage"): (T + "coplan_heritage.html", ['data-api="/api/v1/buildings/{{ b.id }}/heritage" data-method="PUT"']),
    ("GET", "/api/v1/estates/{estate_id}/heritage"): (WEB + "coplan/console.py", ["heritage.heritage_view(estate.id)"]),
    ("POST", "/api/v1/estates/{estate_id}/heritage-reviews"): (T + "coplan_heritage.html", ['data-api="/api/v1/estates/{{ estate.id }}/heritage-reviews"']),
    # notices to every owner and reach (issue 34)
    ("POST", "/api/v1/consultations/{consultation_id}/notices"): (S + "console_reach.js", ['"/api/v1/consultations/" + form.getAttribute("data-consultation") + "/notices"']),
    ("GET", "/api/v1/consultations/{consultation_id}/notices"): (WEB + "reach/pages.py", ["notices=notices_of(c.id)"]),
    ("GET", "/api/v1/consultations/{consultation_id}/reach"): (WEB + "reach/pages.py", ["reach=reach_of(c.id)"]),
    ("POST", "/api/v1/estates/{estate_id}/sms-opt-outs"): (T + "reach.html", ['data-api="/api/v1/estates/{{ estate.id }}/sms-opt-outs"']),
    ("GET", "/api/v1/estates/{estate_id}/sms-budget"): (WEB + "reach/pages.py", ["budget_left(c.estate_id)"]),
    ("PUT", "/api/v1/estates/{estate_id}/sms-budget"): (T + "reach.html", ['data-api="/api/v1/estates/{{ estate.id }}/sms-budget"']),
}

#: committee / staff operations without a console page yet, and why
NO_PAGE_YET: dict = {}

#: operations for residents, the public, login and machines (tests/web/test_page_map.py)
NOT_CONSOLE = """
GET /api/v1/projects/{project_id}/contributions
POST /api/v1/contribution-charges/{charge_id}/wechat-orders
GET /api/v1/contribution-payments/{payment_id}/receipt.pdf
GET /api/v1/contribution-charges/{charge_id}/flats/{flat_id}/provident-fund-certificate.pdf
POST /api/v1/wechat-pay/notify
GET /api/v1/projects/{project_id}/public-money
GET /api/v1/estates/{estate_id}/joint-meetings
GET /api/v1/estates/{estate_id}/green-community
GET /api/v1/projects/{project_id}/approvals
GET /api/v1/estates/{estate_id}/applications
POST /api/v1/estates/{estate_id}/applications
GET /api/v1/applications/{application_id}
POST /api/v1/applications/{application_id}/supports
GET /api/v1/estates/{estate_id}/plan-versions
GET /api/v1/plan-versions/{version_id}
POST /api/v1/plan-sections/{section_id}/comments
GET /api/v1/consultations/{consultation_id}/paper-ballots/layout.json
POST /api/v1/auth/logout-everywhere
POST /api/v1/auth/tokens/revoke
GET /api/v1/me/export
GET /api/v1/me/consents
POST /api/v1/me/consents
DELETE /api/v1/me
GET /api/v1/me
GET /api/v1/estates/{estate_id}/audit/head
GET /api/v1/estates/{estate_id}/audit/head/check
POST /api/v1/auth/sms-codes
POST /api/v1/auth/tokens
POST /api/v1/auth/tokens/refresh
GET /api/v1/auth/session
POST /api/v1/auth/session
DELETE /api/v1/auth/session
POST /api/v1/auth/session/live-token
POST /api/v1/read-aloud
GET /api/v1/auth/wechat/authorize
GET /api/v1/auth/wechat/callback
GET /api/v1/dev/sms-outbox
POST /api/v1/auth/wechat/mini-program
POST /api/v1/auth/wechat/mini-program/phone
POST /api/v1/auth/web-tickets
GET /api/v1/wechat/subscriptions
POST /api/v1/wechat/subscriptions
GET /api/v1/cases/{case_id}/posts
POST /api/v1/cases/{case_id}/posts
GET /api/v1/posts/{post_id}
PATCH /api/v1/posts/{post_id}
GET /api/v1/posts/{post_id}/revisions
POST /api/v1/posts/{post_id}/reports
PUT /api/v1/consultations/{consultation_id}/ballots/mine
POST /api/v1/consultations/{consultation_id}/objections
GET /api/v1/consultations/{consultation_id}/receipts
GET /api/v1/flats/{flat_id}/proxies
POST /api/v1/flats/{flat_id}/proxies
POST /api/v1/proxies/{proxy_id}/revoke
POST /api/v1/elevator-projects/{project_id}/objections
POST /api/v1/elevator-objections/{objection_id}/withdraw
POST /api/v1/elevator-projects/{project_id}/signatures
GET /api/v1/elevator-projects/{project_id}/flats/{flat_id}/statement.pdf
GET /api/v1/stairwells/{stairwell_id}/rooms
POST /api/v1/flats/claims
POST /api/v1/flats/claims/by-code
POST /api/v1/flats/claims/by-identity
GET /api/v1/media/{key}
GET /api/v1/me/notifications
POST /api/v1/me/notifications/read
POST /api/v1/projects/{project_id}/supervision-reports
POST /api/v1/estates/{estate_id}/complaints
GET /api/v1/me/complaints
GET /api/v1/me/fund-accounts
GET /api/v1/estates/{estate_id}/open-data.json
GET /api/v1/estates/{estate_id}/open-data.csv
GET /api/v1/qr/{token}
GET /api/v1/sunlight-analyses/{analysis_id}/chart.png
GET /api/v1/sunlight-analyses/{analysis_id}/statement.pdf
GET /api/v1/health
GET /api/v1/me/notices
POST /api/v1/notices/{notice_id}/read
GET /api/v1/consultations/{consultation_id}/explainers
PUT /api/v1/spare-resources/{resource_id}/votes
POST /api/v1/notice-links/{token}/open
POST /api/v1/notice-links/{token}/code
POST /api/v1/notice-links/{token}/session
GET /api/v1/me/sms-notices
PUT /api/v1/me/sms-notices
POST /api/v1/sms/replies
"""


def operations() -> set[tuple[str, str]]:
    document = create_app(TestConfig).test_client().get("/api/v1/openapi.json").json
    return {(method.upper(), path) for path, item in document["paths"].items()
            for method in item if method in ("get", "post", "put", "patch", "delete")}


def not_console() -> set[tuple[str, str]]:
    return {tuple(line.split(" ", 1)) for line in NOT_CONSOLE.strip().splitlines()}


def test_every_operation_is_classified_and_every_console_one_has_a_page():
    every = operations()
    unclassified = every - set(CONSOLE_PAGES) - set(NO_PAGE_YET) - not_console()
    assert not unclassified, f"operations with no page and no classification: {sorted(unclassified)}"
    assert not NO_PAGE_YET, f"every committee and staff operation needs a page: {sorted(NO_PAGE_YET)}"
    gone = (set(CONSOLE_PAGES) | set(NO_PAGE_YET) | not_console()) - every
    assert not gone, f"mapped operations the API no longer has: {sorted(gone)}"
    assert not set(CONSOLE_PAGES) & not_console() and not set(NO_PAGE_YET) & set(CONSOLE_PAGES)


@pytest.mark.parametrize("operation", sorted(CONSOLE_PAGES), ids=" ".join)
def test_the_mapped_page_really_makes_the_call(operation):
    path, needles = CONSOLE_PAGES[operation]
    text = (ROOT / path).read_text(encoding="utf-8")
    missing = [needle for needle in needles if needle not in text]
    assert not missing, f"{operation}: {path} does not contain {missing}"
    # and a page that takes a path parameter from the page names the same resource
    resource = re.sub(r"\{[^}]+\}.*", "", operation[1]).rstrip("/").rsplit("/", 1)[-1]
    assert resource in text or resource.replace("-", "_") in text or path.endswith(".py"), (operation, path)
