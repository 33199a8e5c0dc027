"""个人信息处理规则 at /privacy: open to all, its retention periods the ones applied."""
from app.personal.api import messages
from app.personal.api import RULES


def test_the_notice_says_what_is_kept_why_how_long_and_who_sees_it(client):
    page = client.get("/privacy")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for heading in (messages.TITLE, messages.WHO, messages.KEPT, messages.SEEN, messages.HOW_LONG,
                    messages.RIGHTS):
        assert heading in html
    for rule in RULES:
        assert rule.label.format(days=rule.keep_days) in html
    assert "身份证号" in html and "不存号码本身" in html
    year, month, day = messages.NOTICE_VERSION.split("-")
    assert f"本规则版本：{year}年{month}月{day}日" in html  # the version as a day people read
    assert "本街道办事处和小区业委会使用本平台" in html and messages.CONTACT_NONE in html


def test_the_city_names_itself(app, client):
    app.config.update(PRIVACY_CONTROLLER="东城区和平里街道办事处", PRIVACY_CONTACT="010-6420 0000")
    try:
        html = client.get("/privacy").get_data(as_text=True)
    finally:
        app.config.update(PRIVACY_CONTROLLER="本街道办事处和小区业委会", PRIVACY_CONTACT=None)
    assert "东城区和平里街道办事处使用本平台" in html and "有问题请联系：010-6420 0000" in html


def test_every_page_links_to_it(client):
    for path in ("/login", "/"):
        html = client.get(path).get_data(as_text=True)
        assert 'href="/privacy"' in html and messages.TITLE in html
