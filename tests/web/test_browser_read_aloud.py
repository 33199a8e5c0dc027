"""朗读 where the browser cannot speak (WeChat's browser, Android WebViews, a browser without
a Chinese voice): the server's MP3 of what the page shows now."""
from app.web.api import LOADING
from tests.web.conftest import login, screenshot

NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"
#: a browser with speech synthesis but no Chinese voice (a desktop without language packs)
NO_CHINESE_VOICE = """speechSynthesis.getVoices = () => [
    {lang: "en-US", name: "English", voiceURI: "en", localService: true, default: true}];"""


def test_read_aloud_plays_the_servers_audio_without_speech_synthesis(site, open_context):
    context = open_context()
    context.add_init_script(NO_SPEECH)
    context.add_cookies([{"name": "gz_elder", "value": "1", "url": site.url}])
    page = context.new_page()
    login(page, site, "13900000002", start="/")
    assert page.evaluate("!('speechSynthesis' in window)")
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    assert page.is_visible("#read-aloud")

    with page.expect_response(lambda r: "/read-aloud/audio/" in r.url) as audio_response:
        page.click("#read-aloud")
    response = audio_response.value
    assert response.status in (200, 206)
    assert response.headers["content-type"] == "audio/mpeg"
    page.wait_for_function("() => document.getElementById('read-aloud-audio').currentTime > 0.3",
                           timeout=15000)
    assert page.evaluate("!document.getElementById('read-aloud-audio').paused")
    assert page.inner_text("#read-aloud") == "停止朗读"
    assert page.get_attribute("#read-aloud", "aria-pressed") == "true"
    screenshot(page, "read-aloud-server-audio")

    page.click("#read-aloud")  # a second tap stops it
    assert page.evaluate("document.getElementById('read-aloud-audio').paused")
    assert page.inner_text("#read-aloud") == "朗读"


def test_without_a_chinese_voice_the_servers_audio_plays_by_itself(site, open_context):
    context = open_context()
    context.add_init_script(NO_CHINESE_VOICE)
    page = context.new_page()
    login(page, site, "13900000002", start="/")
    assert page.evaluate("'speechSynthesis' in window")
    with page.expect_response(lambda r: "/read-aloud/audio/" in r.url) as audio_response:
        page.click("#read-aloud")
    assert audio_response.value.headers["content-type"] == "audio/mpeg"
    page.wait_for_function("() => document.getElementById('read-aloud-audio').currentTime > 0.3",
                           timeout=15000)
    assert page.inner_text("#read-aloud") == "停止朗读"


def test_what_is_read_is_what_the_script_filled_in_not_loading(site, open_context):
    context = open_context()
    context.add_init_script(NO_CHINESE_VOICE)
    page = context.new_page()
    login(page, site, "13900000002", start="/")
    with page.expect_navigation():
        page.click("#notifications-link")
    page.locator("#notifications-loading").wait_for(state="detached")
    shown = page.inner_text("#notifications")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/read-aloud")) as spoken:
        page.click("#read-aloud")
    text = spoken.value.json()["text"]
    assert LOADING not in text
    assert shown.strip().splitlines()[-1].strip(" 。") in text
