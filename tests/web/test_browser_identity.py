"""An owner verifies with the property certificate in Chromium (issue 33 item 4): a mistyped
name goes to the committee's queue with the reason, the right one verifies at once; the
committee sees the reason and records a sale with a photo, and the old owner is told."""
import io

from PIL import Image

from app.demo.api import data
from tests.estates.ledger_shapes import valid_id
from tests.web.conftest import PHONE, confirm, login
from tests.web.helpers import both_sizes

OWNER_ID = valid_id("11010119581212002")
CERT = "京(2018)东城区不动产权第0004321号"


def test_an_owner_verifies_by_certificate_and_the_committee_records_a_sale(site, open_context, tmp_path):
    staff_headers = site.api_login(data.STAFF_PHONE)  # the committee signs in on its page below
    import requests

    ledger = ("楼号,单元,房号,所在层,建筑面积(㎡),产权人,证件号码,不动产权证号\r\n"
              f"1号楼,1单元,102,1,56.35㎡,赵桂英,{OWNER_ID},{CERT}\r\n").encode("gbk")
    imported = requests.post(f"{site.url}/api/v1/estates/1/flats/import?id_number_consent=true",
                             headers=staff_headers,
                             files={"file": ("台账.csv", ledger)})
    assert imported.status_code == 200, imported.text

    resident = open_context(viewport=PHONE).new_page()
    login(resident, site, "13700000123", start="/claim")
    resident.fill("#identity-name", "赵贵英")
    resident.fill("#identity-id", OWNER_ID)
    resident.fill("#identity-certificate", CERT)
    # the ID number is 敏感个人信息: refused until its own box is ticked (never ticked in advance)
    assert not resident.is_checked("#identity-consent")
    resident.click("#identity-form button[type=submit]")
    resident.wait_for_selector("[data-error-for=id_number_consent]:has-text('请先勾选同意')")
    resident.check("#identity-consent")
    resident.click("#identity-form button[type=submit]")
    resident.wait_for_selector("#identity-form .form-error:has-text('已转给居委会核对')")
    assert "姓名与台账登记的产权人不一致" in resident.inner_text("#identity-form .form-error")

    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/claims")
    assert "身份核对不一致：姓名与台账登记的产权人不一致" in committee.inner_text("table.claims")
    both_sizes(committee, "console-claims-identity-queue")

    resident.fill("#identity-name", "赵桂英")
    resident.click("#identity-form button[type=submit]")
    resident.wait_for_selector("#identity-form .form-ok:has-text('已认证为业主')")
    both_sizes(resident, "claim-identity")
    committee.reload()
    assert "身份核对不一致" not in committee.inner_text("main")  # the owner proved it: no longer waiting
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (220, 220, 210)).save(out, format="JPEG")
    (tmp_path / "证书.jpg").write_bytes(out.getvalue())
    committee.select_option("#transfer-flat", label="1号楼 1单元 102")
    committee.fill("#transfer-name", "新业主")
    committee.set_input_files("#transfer-evidence", str(tmp_path / "证书.jpg"))
    confirm(committee, "#transfer-form button[type=submit]")
    committee.wait_for_selector("#transfer-form .form-ok:has-text('已登记过户')")
    both_sizes(committee, "console-claims-transfer")

    resident.goto(f"{site.url}/notifications")
    resident.wait_for_selector("#notifications:has-text('1号楼 1单元 102 已登记过户')")
    told = resident.inner_text("#notifications")
    assert "居委会的" in told and "证明材料" in told
