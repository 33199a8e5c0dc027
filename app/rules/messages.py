"""The words for what the engine decides: one wording per decision, used everywhere.

Pages, exports, the public page and a case's published outcome all take these.
A consultation's own status (草稿, 进行中, 已截止, 已公示) is another thing, worded
apart in app/consultations/messages.py: a vote still open is "未定", not "进行中".
"""
from app.rules.engine import FAILED, PASSED, PENDING

DECISION_LABELS = {PASSED: "已通过", FAILED: "未通过", PENDING: "未定"}
