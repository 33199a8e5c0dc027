"""运行状况 in Chromium at 390×844: the street office sees whether the scheduler runs (every
job late before `flask jobs run` has run once, on time after) and the week's SMS by status."""
from app.demo.api import data
from tests.web.conftest import PHONE, login, screenshot


def test_the_street_office_sees_the_scheduler_run(site, open_context):
    staff = open_context(viewport=PHONE).new_page()
    login(staff, site, data.STAFF_PHONE, start="/street/")
    staff.click("a.tab:has-text('运行状况')")
    staff.wait_for_url("**/street/operations")
    assert "有任务没有按时运行" in staff.inner_text("#jobs-state")
    assert staff.locator("#jobs tr.flagged").count() == staff.locator("#jobs tbody tr").count() >= 5
    assert "还没有运行过" in staff.inner_text("tr[data-job='consultations.close_due']")
    # the staff member's own login code is this week's SMS
    assert int(staff.inner_text("#sms tr[data-status='sent'] td:last-child")) >= 1
    screenshot(staff, "street-operations-before")

    assert "ran 7" in site.flask("jobs", "run", "--once")
    staff.reload()
    assert "定时任务都在按时运行" in staff.inner_text("#jobs-state")
    assert staff.locator("#jobs tr.flagged").count() == 0
    assert "正常" in staff.inner_text("tr[data-job='consultations.close_due']")
    assert "每 1 分钟" in staff.inner_text("tr[data-job='sms.send_queued']")
    screenshot(staff, "street-operations")
