"""订阅消息 for a support entered from a signed paper sheet: the template is declared with the
others, offered to the mini-program, and sent to the owner who accepted it."""
import pytest

from app.applications.api import paper, services
from app.auth.api import User
from app.config import Config
from app.estates.api import flat_labels
from app.extensions import db
from tests.applications.helpers import sheet_photo
from tests.auth.wechat_steps import MINI_ID, MINI_SECRET, first_login
from tests.factories import flats_of, link, make_estate, make_user

SUPPORT = "tmpl-support-0003"


def test_the_support_entered_template_is_declared_with_the_others():
    assert "support_entered" in Config.WECHAT_SUBSCRIBE_TEMPLATES
    assert "support_entered" in Config.WECHAT_SUBSCRIBE_FIELDS


@pytest.fixture
def config_overrides(wechat):
    wechat.reset()
    wechat.templates = {SUPPORT: ["thing1", "thing2", "thing3"]}
    return {"WECHAT_MINI_APP_ID": MINI_ID, "WECHAT_MINI_APP_SECRET": MINI_SECRET,
            "WECHAT_API_BASE_URL": wechat.url, "WECHAT_TIMEOUT_S": 1.0,
            "PUBLIC_BASE_URL": "https://gongzhi.example.cn",
            "WECHAT_SUBSCRIBE_TEMPLATES": {**Config.WECHAT_SUBSCRIBE_TEMPLATES, "support_entered": SUPPORT},
            "WECHAT_SUBSCRIBE_FIELDS": {**Config.WECHAT_SUBSCRIBE_FIELDS,
                                        "support_entered": "thing1=flat,thing2=how,thing3=estate"}}


def test_an_owner_who_accepted_hears_of_a_paper_support_in_wechat(client, wechat):
    estate = make_estate(name="订阅小区")
    flat = flats_of(estate.id)[0]
    body = first_login(client, wechat, "o_sup_1", "13912349101")
    owner = db.session.get(User, body["user"]["id"])
    link(owner, flat, "owner")
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    offered = client.get("/api/v1/wechat/subscriptions", headers=headers).json
    assert offered["templates"] == {"support_entered": SUPPORT}
    wechat.accept("o_sup_1", SUPPORT)
    assert client.post("/api/v1/wechat/subscriptions", json={"template_ids": [SUPPORT], "accepted": [SUPPORT]},
                       headers=headers).status_code == 200
    application = services.start_application(estate.id, "屋面漏水", owner.id)
    committee = make_user(roles=[("committee", estate.id)])
    paper.enter_paper_support(application, flat.id, committee.id, sheet_photo())
    [sent] = wechat.subscribe_sent
    assert sent["touser"] == "o_sup_1" and sent["template_id"] == SUPPORT
    assert sent["page"] == f"pages/web/index?path=%2Festates%2F{estate.id}%2Fapplication"
    assert sent["data"]["thing3"]["value"] == "订阅小区" and sent["data"]["thing1"]["value"] == flat_labels([flat.id])[flat.id]
