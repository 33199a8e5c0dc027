"""朗读 where the browser cannot speak (WeChat's browser, Android WebViews): the server's MP3."""
from tests.web.conftest import login, screenshot

NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"


def test_read_aloud_plays_the_servers_audio_without_speech_synthesis(site, open_context):
    context = open_context()
    context.add_init_script(NO_SPEECH)
    context.add_cookies([{"name": "gz_elder", "value": "1", "url": site.url}])
    page = context.new_page()
    login(page, site, "13900000002", start="/")
    assert page.evaluate("!('speechSynthesis' in window)")
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    assert page.is_visible("#read-aloud")

    with page.expect_response(lambda r: r.url == site.url + "/read-aloud/") as audio_response:
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
