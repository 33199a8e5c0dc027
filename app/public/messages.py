"""What anyone reads on an estate's public page (共享)."""
from app.projects.api import FUND_KIND_LABELS as FUND_KINDS
from app.rules.api import DECISION_LABELS as RULES_DECISION_LABELS

TITLE = "{estate} · 改造成果公开"
NO_PROJECT = "本小区还没有改造项目"
NO_RESULTS = "还没有公示的表决结果"
NO_SCORES = "还没有效果评价"
CHART_PARTICIPATION = "历次征询的参与率（按户）"
#: how the index is computed (the same words as the resident's project page)
SATISFACTION_HOW = ("怎么算的：每人给“总体”打 1 到 5 分，先算平均分；平均 1 分记 0 分，"
                    "每多 1 分加 25 分，平均 5 分就是 100 分。")
CHART_SATISFACTION = "各项满意度（1–5 分）"
#: the engine's words for a decision, and what a survey (no decision) shows
DECISION_LABELS = {**RULES_DECISION_LABELS, None: "（调查，不作决定）"}
