"""One wording per state everywhere: each domain owns its labels, every page takes them.

A label table is any dict in a `messages` module of app/ keyed by a family's states;
whoever shows a state (page, script, export, public page, published outcome) must use
the owner's words, so every table of a family agrees with the owner's, state by state:
the same label, or a sentence that says it (a hint "征询进行中。…" for the status 进行中).
"""
import importlib
import pkgutil

import pytest

import app
from app.cases.api import messages as cases_messages
from app.consultations.api import messages as consultation_messages
from app.estates.api import messages as estates_messages
from app.projects.api import messages as projects_messages
from app.rules.api import messages as rules_messages
from app.web.api import messages as web_messages

#: (family, the owner's table)
FAMILIES = [
    ("decision", rules_messages.DECISION_LABELS),
    ("consultation status", consultation_messages.STATUS_LABELS),
    ("case status", cases_messages.STATUS_LABELS),
    ("claim status", estates_messages.CLAIM_STATUS),
    ("ballot channel", consultation_messages.CHANNEL_LABELS),
    ("fund entry kind", projects_messages.FUND_KIND_LABELS),
]

#: tables keyed by a family's states on purpose holding other text (sentences)
PENDING_TABLES: set[str] = {
    "app.projects.messages.FUND_VERBS",  # the verb of a sentence: 将按面积支出 … 元
    # how an application's support came: a signed support sheet (纸质) is no ballot (纸质票)
    "app.applications.messages.SUPPORT_CHANNEL_LABELS",
}


def message_modules():
    for info in pkgutil.walk_packages(app.__path__, "app."):
        if info.name.rsplit(".", 1)[-1].startswith("messages"):
            yield importlib.import_module(info.name)


def label_tables():
    for module in message_modules():
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, dict) and value:
                yield f"{module.__name__}.{name}", value


@pytest.mark.parametrize("family, owner", FAMILIES, ids=[f for f, _ in FAMILIES])
def test_every_table_of_a_family_uses_the_owners_words(family, owner):
    states = {key for key in owner if key is not None}
    disagree = []
    for name, table in label_tables():
        shared = states & set(table)
        if len(shared) < 2 or name in PENDING_TABLES:
            continue  # another family that happens to share one key ("open", "pending")
        if not set(table) <= set(owner) | {None}:
            continue  # a bigger family of its own
        disagree += [f"{name}[{state!r}] = {table[state]!r}, not {owner[state]!r}"
                     for state in sorted(shared) if owner[state] not in str(table[state])]
    assert not disagree, f"{family}: " + "; ".join(disagree)


def test_a_decision_and_a_status_never_share_a_word():
    """A consultation still open shows 进行中 as its status and 未定 as its decision."""
    decisions = set(rules_messages.DECISION_LABELS.values())
    assert not decisions & set(consultation_messages.STATUS_LABELS.values())
    assert rules_messages.DECISION_LABELS == {"passed": "已通过", "failed": "未通过", "pending": "未定"}


def test_pages_take_the_domains_tables():
    assert web_messages.DECISION is rules_messages.DECISION_LABELS
    assert web_messages.CONSULTATION_STATUS is consultation_messages.STATUS_LABELS
    assert web_messages.CASE_STATUS is cases_messages.STATUS_LABELS
    assert web_messages.CLAIM_STATUS is estates_messages.CLAIM_STATUS
    assert web_messages.JS["decision"] is rules_messages.DECISION_LABELS
    assert web_messages.APPROVED == estates_messages.CLAIM_STATUS["verified"]
    assert web_messages.REJECTED == estates_messages.CLAIM_STATUS["rejected"]
