"""The estate's poster PDF: a page per stairwell, Chinese text poppler can read, codes that decode."""
from app.estates.api import create_estate
from app.qr.api import posters, services
from tests.factories import auth, make_user
from tests.qr.helpers import BASE_URL, pdf_image_links, pdf_pages, pdf_text, pdf_word_boxes


def stairwell_links(client, estate, committee):
    buildings = client.get(f"/api/v1/estates/{estate.id}/buildings", headers=auth(committee)).json
    return [client.get(f"/api/v1/stairwells/{s['id']}/qr", headers=auth(committee)).json["url"]
            for b in buildings for s in b["stairwells"]]


def download(client, estate, committee, tmp_path):
    response = client.get(f"/api/v1/estates/{estate.id}/qr-posters.pdf", headers=auth(committee))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    path = tmp_path / "posters.pdf"
    path.write_bytes(response.data)
    return path


def test_one_page_per_stairwell_with_codes_decoding_to_their_links(client, estate, committee,
                                                                   tmp_path):
    path = download(client, estate, committee, tmp_path)
    links = stairwell_links(client, estate, committee)
    assert len(links) == 3
    assert pdf_pages(path) == 3
    images = tmp_path / "images"
    images.mkdir()
    assert pdf_image_links(path, images) == links
    assert all(link.startswith(BASE_URL + "/q/") for link in links)


def test_pdf_text_has_names_and_the_three_steps(client, estate, committee, tmp_path):
    text = pdf_text(download(client, estate, committee, tmp_path))
    pages = text.split("\f")
    for page, place in zip(pages, ["3号楼 1单元", "3号楼 2单元", "5号楼 1单元"]):
        for expected in ("和平里小区", place, "扫码", "用手机号登录", "认领您家的房子",
                         "扫一扫，参与小区改造", "居委会"):
            assert expected in page, (expected, page)


def test_posters_carry_the_current_code_after_rotation(client, estate, stairwell, committee,
                                                       tmp_path):
    client.post(f"/api/v1/stairwells/{stairwell.id}/qr/rotate", headers=auth(committee))
    path = download(client, estate, committee, tmp_path)
    images = tmp_path / "images"
    images.mkdir()
    links = pdf_image_links(path, images)
    assert links == stairwell_links(client, estate, committee)
    assert "第2版" in "".join(pdf_text(path).split("\f")[0].split())


def test_an_estate_without_stairwells_gets_a_clear_409(client):
    empty = create_estate(name="新小区", district="东城区", street="和平里街道", built_year=1995)
    committee = make_user(roles=[("committee", empty.id)])
    response = client.get(f"/api/v1/estates/{empty.id}/qr-posters.pdf", headers=auth(committee))
    assert response.status_code == 409
    assert response.json["error"]["code"] == "no_stairwells"


def test_long_names_shrink_to_fit_the_page(app, tmp_path):
    long_place = "第十二号住宅楼东侧 第三单元（原红星机械厂宿舍）"
    body = posters.render([posters.PosterPage("某某区某某街道某某社区某某小区第二期", long_place,
                                              "https://example.cn/q/abc", "编号 S1 · 第 1 版")], "t")
    path = tmp_path / "long.pdf"
    path.write_bytes(body)
    assert "第三单元" in pdf_text(path)
    page_width = 595.28
    for word, x_min, x_max in pdf_word_boxes(path):
        assert 0 < x_min and x_max < page_width, word
    images = tmp_path / "images"
    images.mkdir()
    assert pdf_image_links(path, images) == ["https://example.cn/q/abc"]


def test_cli_writes_the_posters(runner, estate, tmp_path):
    out = tmp_path / "posters.pdf"
    result = runner.invoke(args=["qr", "posters", str(estate.id), str(out)])
    assert result.exit_code == 0, result.output
    assert pdf_pages(out) == 3


def test_cli_says_why_when_there_is_nothing_to_print(app, runner, tmp_path):
    from app.estates.api import create_estate

    empty = create_estate(name="空小区", district="东城区", street="和平里街道", built_year=1990)
    result = runner.invoke(args=["qr", "posters", str(empty.id), str(tmp_path / "x.pdf")])
    assert result.exit_code != 0
    assert "还没有导入楼栋和单元" in result.output


def test_cli_prints_a_places_link(runner, stairwell):
    result = runner.invoke(args=["qr", "link", "stairwell", str(stairwell.id)])
    assert result.exit_code == 0
    assert result.output.strip() == services.link_for(services.get_place_or_404("stairwell", stairwell.id))
    assert runner.invoke(args=["qr", "link", "building", "999999"]).exit_code != 0


def test_posters_of_an_estate_that_does_not_exist_are_404(client):
    from tests.factories import auth, make_user

    staff = make_user(roles=[("staff", None)])
    response = client.get("/api/v1/estates/999999/qr-posters.pdf", headers=auth(staff))
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"
