"""What anyone reads on an estate's public page (共享)."""
from app.rules.api import DECISION_LABELS as RULES_DECISION_LABELS

TITLE = "{estate} · 改造成果公开"
NO_PROJECT = "本小区还没有改造项目"
NO_RESULTS = "还没有公示的表决结果"
NO_SCORES = "还没有效果评价"
CHART_PARTICIPATION = "历次征询的参与率（按户）"
CHART_SATISFACTION = "各项满意度（1–5 分）"
#: the engine's words for a decision, and what a survey (no decision) shows
DECISION_LABELS = {**RULES_DECISION_LABELS, None: "（调查，不作决定）"}
