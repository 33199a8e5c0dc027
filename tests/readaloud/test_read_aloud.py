"""GET /read-aloud/<page>: the page's main text as the person sees it, spoken as MP3."""
import threading

import pytest
from flask import Flask, request

from app.cases.api import services as cases
from app.readaloud.api import spoken_text
from app.readaloud.api import cache_path
from tests.factories import (
    flats_of, make_consultation, make_estate, make_owner, make_user, sign_in_cookie)
from tests.live import serve_wsgi
from tests.readaloud.mp3 import duration_s


def signed_in(app, user):
    """A browser with the web session of this person (as after the web login)."""
    client = app.test_client()
    sign_in_cookie(client, user, csrf="t")
    return client


@pytest.fixture
def place(app):
    estate = make_estate()
    flats = flats_of(estate.id)
    owner = make_owner(flats[0])
    return estate, flats, owner


def new_case(estate, flats, owner, description):
    return cases.create_case(estate.id, title="加装电梯遮挡采光", description=description,
                             affected_flat_ids=[flats[0].id, flats[1].id], actor_id=owner.id)


def test_a_page_is_spoken_as_mp3_longer_for_longer_text(app, place):
    estate, flats, owner = place
    short = new_case(estate, flats, owner, "二楼住户担心采光。")
    long = new_case(estate, flats, owner, "二楼住户担心采光。" + "电梯井道在南侧，冬至日的日照会少一些，"
                    "大家希望设计师来小区讲一讲方案，算一算每户少了多少分钟的日照。" * 4)
    browser = signed_in(app, owner)
    spoken = {}
    for case in (short, long):
        response = browser.get(f"/read-aloud/cases/{case.id}")
        assert response.status_code == 200
        assert response.mimetype == "audio/mpeg"
        assert response.headers["Cache-Control"] == "private, no-cache"
        spoken[case.id] = duration_s(response.data)
    assert 2 < spoken[short.id] < spoken[long.id]
    assert spoken[long.id] > spoken[short.id] + 10  # four long sentences more


def test_home_is_read_for_anyone_and_as_each_person_sees_it(app, place):
    estate, flats, owner = place
    anonymous = app.test_client().get("/read-aloud/")
    mine = signed_in(app, owner).get("/read-aloud/")
    assert anonymous.status_code == mine.status_code == 200
    assert anonymous.headers["ETag"] != mine.headers["ETag"]  # the welcome page, and my home


def test_another_estates_page_is_not_found(app, place):
    estate, flats, owner = place
    case = new_case(estate, flats, owner, "二楼住户担心采光。")
    other_estate = make_estate(name="别的小区")
    stranger = make_owner(flats_of(other_estate.id)[0])
    response = signed_in(app, stranger).get(f"/read-aloud/cases/{case.id}")
    assert response.status_code == 404
    assert response.json["error"]["code"] == "nothing_to_read"
    # signed out: the page would send them to the login page
    assert app.test_client().get(f"/read-aloud/cases/{case.id}").status_code == 404


@pytest.mark.parametrize("path", ["/read-aloud/no-such-page", "/read-aloud/api/v1/me",
                                  "/read-aloud/read-aloud/", "/read-aloud/assets/app.js",
                                  "/read-aloud/enter/" + "t" * 43])
def test_what_is_not_a_page_is_not_found(app, place, path):
    assert signed_in(app, place[2]).get(path).status_code == 404


def test_the_cache_answers_without_speaking_again(app, place):
    estate, flats, owner = place
    case = new_case(estate, flats, owner, "二楼住户担心采光。")
    browser = signed_in(app, owner)
    first = browser.get(f"/read-aloud/cases/{case.id}")
    key = first.headers["ETag"].strip('"')
    cached = cache_path(key)
    made = cached.stat().st_mtime_ns
    again = browser.get(f"/read-aloud/cases/{case.id}")
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    assert cached.stat().st_mtime_ns == made  # not written again
    assert browser.get(f"/read-aloud/cases/{case.id}",
                       headers={"If-None-Match": first.headers["ETag"]}).status_code == 304


class FakeTts:
    """A TTS service as deployments have: POST {text, voice, format} -> audio/mpeg."""

    def __init__(self, audio: bytes):
        self.audio, self.texts, self.lock = audio, [], threading.Lock()
        self.app = Flask("fake_tts")
        self.app.post("/speak")(self.speak)

    def speak(self):
        body = request.get_json()
        assert request.headers["Authorization"] == "Bearer tts-token" and body["format"] == "mp3"
        with self.lock:
            self.texts.append(body["text"])
        return self.audio, 200, {"Content-Type": "audio/mpeg"}


def test_a_tts_service_speaks_the_normalised_text_once(app, place):
    estate, flats, owner = place
    case = new_case(estate, flats, owner, "1号楼 1单元 302 室的分摊是 53,549.37 元，占 66.7%，"
                    "2026-11-27 14:30 开会。")
    tts = FakeTts(audio=(open(__file__, "rb").read()[:64]))
    with serve_wsgi(tts.app) as url:
        app.config.update(TTS_HTTP_URL=url + "/speak", TTS_HTTP_TOKEN="tts-token")
        browser = signed_in(app, owner)
        for _ in range(2):
            response = browser.get(f"/read-aloud/cases/{case.id}")
            assert response.status_code == 200 and response.data == tts.audio
    [text] = tts.texts
    assert ("一号楼 一单元 三零二 室的分摊是 五万三千五百四十九点三七元，占 百分之六十六点七，"
            "二〇二六年十一月二十七日 十四点三十分 开会。") in text
    assert "加装电梯遮挡采光。" in text and "朗读" not in text  # main only, not the header


def test_a_tts_service_that_fails_answers_503_in_words(app, place):
    app.config.update(TTS_HTTP_URL="http://127.0.0.1:9/speak", READ_ALOUD_TIMEOUT_S=2)
    response = signed_in(app, place[2]).get("/read-aloud/")
    assert response.status_code == 503
    assert response.json["error"]["message"] == "朗读暂时不可用，请稍后再试"


def test_long_pages_are_cut_at_the_bound(app, place):
    estate, flats, owner = place
    case = new_case(estate, flats, owner, "采光" * 2000)
    app.config["READ_ALOUD_MAX_CHARS"] = 200
    tts = FakeTts(audio=b"\xff\xf3" + b"\0" * 60)
    with serve_wsgi(tts.app) as url:
        app.config.update(TTS_HTTP_URL=url + "/speak", TTS_HTTP_TOKEN="tts-token")
        assert signed_in(app, owner).get(f"/read-aloud/cases/{case.id}").status_code == 200
    [text] = tts.texts
    assert len(text) <= 200 + 30 and text.endswith("后面的内容较长，请在页面上查看。")


def test_the_cache_is_bounded_and_lets_the_least_recently_read_go(app, place, tmp_path):
    """READ_ALOUD_CACHE_MAX_MB bounds the folder: a new page's audio pushes out the page read
    longest ago (reading a page again makes it recent), and a page pushed out is spoken anew."""
    estate, flats, owner = place
    pages = {name: new_case(estate, flats, owner, f"{name}：二楼住户担心采光。") for name in "甲乙丙"}
    tts = FakeTts(audio=b"\xff\xfb" * 200_000)  # 400,000 bytes each: two fit in 1 MiB, three do not
    with serve_wsgi(tts.app) as url:
        app.config.update(TTS_HTTP_URL=url + "/speak", TTS_HTTP_TOKEN="tts-token",
                          READ_ALOUD_CACHE_DIR=str(tmp_path), READ_ALOUD_CACHE_MAX_MB=1)
        browser = signed_in(app, owner)

        def read(name):
            response = browser.get(f"/read-aloud/cases/{pages[name].id}")
            assert response.status_code == 200 and response.data == tts.audio
            return cache_path(response.headers["ETag"].strip('"'))

        first, second = read("甲"), read("乙")
        read("甲")  # 甲 read again: now 乙 is the least recently read
        third = read("丙")
        assert first.exists() and third.exists() and not second.exists()
        assert sum(p.stat().st_size for p in tmp_path.glob("*/*.mp3")) <= 2**20
        assert len(tts.texts) == 3  # 甲 came from the cache
        read("乙")  # spoken again; now 甲 is the one read longest ago
        assert len(tts.texts) == 4 and not first.exists() and third.exists()


def test_the_page_as_shown_is_spoken_as_people_say_it(app, place):
    _, _, owner = place
    browser = signed_in(app, owner)
    html = ('<main id="main"><h1>2026Q4 物业服务评价</h1><p>已有 8/12 户参与</p>'
            '<p data-read-aloud="skip">正在加载…</p><label data-read-aloud="skip">反对</label></main>')
    answer = browser.post("/api/v1/read-aloud", json={"html": html}, headers={"X-CSRF-Token": "t"})
    assert answer.status_code == 200, answer.json
    assert answer.json == {"text": "二〇二六年第四季度 物业服务评价。\n已有 十二分之八 户参与。", "audio_url": None}
    spoken = browser.post("/api/v1/read-aloud", json={"html": html, "audio": True},
                          headers={"X-CSRF-Token": "t"}).json
    audio = browser.get(spoken["audio_url"])
    assert audio.status_code == 200 and audio.mimetype == "audio/mpeg" and duration_s(audio.data) > 2


@pytest.mark.parametrize("body", [{}, {"html": ""}, {"html": "x" * 80_001}, {"html": "<main></main>", "x": 1}])
def test_a_bad_read_aloud_request_is_refused_in_words(app, place, body):
    browser = signed_in(app, place[2])
    answer = browser.post("/api/v1/read-aloud", json=body, headers={"X-CSRF-Token": "t"})
    assert answer.status_code == 422 and answer.json["error"]["message"]


def test_nothing_to_read_and_unknown_audio_are_not_found(app, place):
    browser = signed_in(app, place[2])
    assert browser.post("/api/v1/read-aloud", json={"html": "<main><p hidden>x</p></main>"},
                        headers={"X-CSRF-Token": "t"}).status_code == 404
    for key in ("0" * 64, "../../etc/passwd", "A" * 64):
        assert browser.get(f"/read-aloud/audio/{key}.mp3").status_code == 404


def test_a_ballots_options_are_read_once_not_per_item(app, place):
    estate, _, owner = place
    committee = make_user(roles=[("committee", estate.id)])
    vote = make_consultation(estate, "content_vote", actor=committee)
    page = signed_in(app, owner).get(f"/consultations/{vote.id}").text
    assert len(vote.questions[0]["items"]) > 10
    app.config["READ_ALOUD_MAX_CHARS"] = 100_000  # the whole ballot, not cut
    # the template's description and the hint (每一项都可以选：同意、反对、弃权), not once per item
    assert spoken_text(page).count("反对") == 2
