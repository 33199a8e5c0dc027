"""Paying online through WeChat Pay v3 (wechatpayv3), against a loopback fake of its API: an
owner orders what the flat still owes (H5 or JSAPI), WeChat Pay's notify is verified and
decrypted, and a notify delivered twice records one payment; a forged one records nothing."""
import base64

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from sqlalchemy import select

from app.contributions.api import Method, Payment
from app.extensions import db
from app.notifications.api import Notification
from tests.contributions.helpers import Place, add_charge
from tests.contributions.wechat_fake import APIV3_KEY, APP_ID, MCH_ID, MERCHANT_SERIAL, FakeWechatPay
from tests.factories import auth, link, make_user

NOTIFY = "/api/v1/wechat-pay/notify"


@pytest.fixture(scope="module")
def fake():
    server = FakeWechatPay()
    yield server
    server.close()


@pytest.fixture(scope="module")
def key_file(fake, tmp_path_factory):
    path = tmp_path_factory.mktemp("wechat-pay") / "apiclient_key.pem"
    path.write_text(fake.merchant_key_pem(), encoding="utf-8")
    return str(path)


@pytest.fixture
def config_overrides(fake, key_file):
    return {"WECHAT_PAY_MCH_ID": MCH_ID, "WECHAT_PAY_CERT_SERIAL_NO": MERCHANT_SERIAL,
            "WECHAT_PAY_PRIVATE_KEY_PATH": key_file, "WECHAT_PAY_APIV3_KEY": APIV3_KEY,
            "WECHAT_PAY_APP_ID": APP_ID, "WECHAT_PAY_NOTIFY_URL": "https://gongzhi.example.cn/api/v1/wechat-pay/notify",
            "WECHAT_PAY_BASE_URL": fake.url}


@pytest.fixture
def paying(app, client):
    place = Place()
    charge = add_charge(client, place, kind="elevator", title="1号楼1单元加装电梯",
                        elevator_project_id=place.elevator.id).json
    flat = place.flats[8]  # 5th floor
    owed = next(row["owed_cents"] for row in charge["flats"] if row["flat_id"] == flat.id)
    return place, charge, flat, owed


def order(client, place, charge, flat, channel="h5", who=None):
    return client.post(f"/api/v1/contribution-charges/{charge['id']}/wechat-orders",
                       json={"flat_id": flat.id, "channel": channel}, headers=auth(who or place.owner_of(flat)))


def test_an_h5_order_then_its_notify_twice_records_one_payment_and_tells_the_co_owner(client, fake, paying):
    place, charge, flat, owed = paying
    co_owner = make_user(name="王秀英")
    link(co_owner, flat)
    placed = order(client, place, charge, flat)
    assert placed.status_code == 201, placed.json
    assert placed.json["h5_url"].startswith("https://wx.tenpay.com/") and placed.json["amount_cents"] == owed
    sent = fake.orders[-1]
    assert sent["out_trade_no"] == placed.json["out_trade_no"] and sent["amount"] == {"total": owed, "currency": "CNY"}
    assert sent["notify_url"].endswith("/api/v1/wechat-pay/notify") and sent["scene_info"]["h5_info"] == {"type": "Wap"}
    headers, body = fake.notify(sent, "4200001234202612070000000001")
    for _ in range(2):  # WeChat Pay delivers again when unsure: one payment
        answer = client.post(NOTIFY, data=body.encode(), headers={**headers, "Content-Type": "application/json"})
        assert answer.status_code == 204, answer.json
    payments = db.session.scalars(select(Payment)).all()
    assert len(payments) == 1
    paid = payments[0]
    assert (paid.method, paid.amount_cents, paid.reference) == (Method.wechat, owed, "4200001234202612070000000001")
    assert paid.paid_by_id == place.owner_of(flat).id and paid.recorded_by_id is None
    told = db.session.scalars(select(Notification).where(Notification.kind == "contribution_paid")).all()
    assert [n.user_id for n in told] == [co_owner.id]  # the payer is not told of their own payment
    assert "用微信支付" in told[0].body
    again = order(client, place, charge, flat)
    assert again.status_code == 409 and again.json["error"]["code"] == "nothing_due"


def test_a_forged_or_tampered_notify_records_nothing(client, fake, paying):
    from tests.contributions.wechat_fake import _key

    place, charge, flat, owed = paying
    placed = order(client, place, charge, flat)
    sent = fake.orders[-1]
    assert sent["out_trade_no"] == placed.json["out_trade_no"]
    headers, body = fake.notify(sent, "4200000000000000000000000002", key=_key())  # not WeChat's key
    assert client.post(NOTIFY, data=body.encode(), headers=headers).status_code == 401
    headers, body = fake.notify(sent, "4200000000000000000000000003")
    tampered = body.replace('"summary": "支付成功"', '"summary": "支付成功!"')
    refused = client.post(NOTIFY, data=tampered.encode(), headers=headers)
    assert refused.status_code == 401 and refused.json["error"]["code"] == "bad_signature"
    headers, body = fake.notify(sent, "4200000000000000000000000004", apiv3_key="0" * 32)  # not our APIv3 key
    assert client.post(NOTIFY, data=body.encode(), headers=headers).status_code == 401
    assert db.session.scalars(select(Payment)).all() == []


def test_jsapi_gives_signed_parameters_and_needs_the_wechat_openid(client, fake, paying):
    place, charge, flat, owed = paying
    owner = place.owner_of(flat)
    refused = order(client, place, charge, flat, channel="jsapi")
    assert refused.status_code == 422 and "channel" in refused.json["error"]["fields"]
    owner.wechat_openid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
    db.session.commit()
    placed = order(client, place, charge, flat, channel="jsapi")
    assert placed.status_code == 201, placed.json
    params = placed.json["jsapi"]
    assert params["appId"] == APP_ID and params["package"].startswith("prepay_id=wx")
    assert fake.orders[-1]["payer"] == {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}
    text = f"{APP_ID}\n{params['timeStamp']}\n{params['nonceStr']}\n{params['package']}\n"
    fake.merchant_key.public_key().verify(base64.b64decode(params["paySign"]), text.encode(),
                                          padding.PKCS1v15(), hashes.SHA256())
    stranger = make_user()
    link(stranger, place.flats[2])
    assert order(client, place, charge, flat, who=stranger).status_code == 403


def test_one_notify_delivered_twice_at_once_records_one_payment(app, client, fake, paying):
    from tests.helpers import together

    place, charge, flat, owed = paying
    order(client, place, charge, flat)
    headers, body = fake.notify(fake.orders[-1], "4200000000000000000000000009")
    answers = together(app, 2, lambda _: app.test_client().post(
        NOTIFY, data=body.encode(), headers=headers).status_code, returns=True)
    assert answers == [204, 204]
    assert db.session.scalar(select(db.func.count(Payment.id))) == 1
