"""The text of a page that is read aloud: what is inside `<main>` (or inside the elements
marked `data-read-aloud`, when a page marks some), as a person sees it.

Scripts, styles, templates, form controls' hidden parts, and anything `hidden`,
`aria-hidden="true"` or marked `data-read-aloud="skip"` are left out; block elements
end a sentence, so the voice pauses where the eye does.
"""
from html.parser import HTMLParser

from flask import current_app

from app.readaloud import messages
from app.readaloud.speech_text import speakable

SKIP_TAGS = {"script", "style", "template", "noscript", "svg", "select", "textarea", "head", "title"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
             "track", "wbr"}
BLOCK_TAGS = {"p", "div", "section", "article", "header", "footer", "li", "ul", "ol", "h1", "h2",
              "h3", "h4", "h5", "h6", "tr", "table", "fieldset", "legend", "form", "label", "dt",
              "dd", "br", "a", "button", "main", "nav", "aside", "figure", "figcaption", "details",
              "summary", "td", "th", "blockquote"}
SENTENCE_ENDS = "。！？；：，,.!?;:…"


class _MainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, reading, skipping) per open element
        self.chunks = {"main": [], "marked": []}
        self.marked_seen = False

    def _state(self):
        return self.stack[-1][1:] if self.stack else (None, False)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        reading, skipping = self._state()
        mark = attrs.get("data-read-aloud")
        if mark is not None and mark != "skip" and not skipping:
            reading, self.marked_seen = "marked", True
        elif tag == "main" and reading is None:
            reading = "main"
        if (tag in SKIP_TAGS or "hidden" in attrs or attrs.get("aria-hidden") == "true"
                or mark == "skip" or (tag == "input" and attrs.get("type") == "hidden")):
            skipping = True
        if tag in BLOCK_TAGS:
            self._break()
        if tag not in VOID_TAGS:
            self.stack.append((tag, reading, skipping))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):  # tolerate unclosed children
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        if tag in BLOCK_TAGS:
            self._break()

    def handle_data(self, data):
        reading, skipping = self._state()
        if reading and not skipping:
            text = " ".join(data.split())
            if text:
                self.chunks[reading].append(text)
                if reading == "marked":
                    self.chunks["main"].append(text)

    def _break(self):
        for chunks in self.chunks.values():
            if chunks and chunks[-1] != "\n":
                chunks.append("\n")


def main_text(html: str) -> str:
    """Sentences of the page's main content, one per line (ending with 。 when none ends it)."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    chunks = parser.chunks["marked" if parser.marked_seen else "main"]
    lines = [line.strip() for line in " ".join(chunks).split("\n")]
    return "\n".join(line if line[-1] in SENTENCE_ENDS else line + "。" for line in lines if line)


def spoken_text(html: str) -> str:
    """The page's main text as it is to be spoken, cut at READ_ALOUD_MAX_CHARS."""
    limit = current_app.config["READ_ALOUD_MAX_CHARS"]
    text = speakable(main_text(html))
    return text if len(text) <= limit else text[:limit] + "\n" + messages.CUT_SHORT
