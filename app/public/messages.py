"""What anyone reads on an estate's public page (共享)."""
TITLE = "{estate} · 改造成果公开"
NO_PROJECT = "本小区还没有改造项目"
NO_RESULTS = "还没有公示的表决结果"
NO_SCORES = "还没有效果评价"
CHART_PARTICIPATION = "历次征询的参与率（按户）"
CHART_SATISFACTION = "各项满意度（1–5 分）"
DECISION_LABELS = {"passed": "通过", "failed": "未通过", "pending": "进行中", None: "（调查，不作决定）"}
