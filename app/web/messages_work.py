"""Texts of the works pages: content votes within means, a project's items and their
progress, the joint acceptance, guarded phases, objections to a preliminary result (询异)."""
from app.consultations.api import CHANNEL_LABELS
from app.projects.api import ITEM_STATUS_LABELS

# console: a content vote
BUDGET_CAP = "预算上限（量力而行）"
BUDGET_CAP_TEXT = "设了上限，结果只纳入上限以内、同意程度最高的改造内容。只能在表决开始前设置。"
BUDGET_CAP_INPUT = "预算上限（元，不填为不设上限）"
BUDGET_CAP_SAVE = "保存预算上限"
BUDGET_CAP_NOW = "现在的上限：{amount} 元"
BUDGET_CAP_NONE = "现在没有设上限"
WITHIN_MEANS = "预算内纳入的改造内容"
VOTE_TO_PROJECT = "据此表决创建改造项目"
VOTE_TO_PROJECT_TEXT = "项目的改造内容就是上面预算内纳入的各项，预算为它们的估算合计。每次表决只能创建一个项目。"
CONFIRM_VOTE_TO_PROJECT = "将按这次表决预算内通过的改造内容创建改造项目，之后不能手工改动改造内容。确定吗？"
OBJECTIONS = "询异公示：对本户记录的异议"
OBJECTIONS_PERIOD = "初步结果公示到 {until}，期间业主可以对本户的记录提出异议；异议由街道调解，处理完才能正式公示。"
OBJECTIONS_NO_PERIOD = "本次表决的规则没有询异公示期。"
OBJECTIONS_NONE = "还没有人提出异议。"
OBJECTION_RESOLUTION = "调解结果"
OBJECTION_RESOLVE = "记录处理结果"
CONFIRM_OBJECTION_RESOLVE = "记录后这件异议就处理完了，对应的调解案件也会结案并公示结果。确定吗？"
OBJECTION_CASE = "调解案件"
BALLOT_ACTION = "核实后，这一户的票"
BALLOT_ACTIONS = {"": "不改动", "void": "作废（不是这一户的票，或不是业主本人的意思）"}
CORRECTED = "这一户的表决票已按异议{action}，结果已重新统计。"
CORRECT_LINK = "按业主实际的选择更正这张票"
# 更正 page (app/web/console_corrections.py)
CORRECT_TITLE = "按异议更正表决票"
CORRECT_OBJECTION = "{room}的异议：{reason}"
CORRECT_HELP = "下面是这一户现在记录的选择。请按核实后业主实际的选择改好，写明核实经过。保存后这件异议就处理完了，结果会重新统计，业主会收到通知。"
CORRECT_REASON = "核实经过（会写进公示）"
CORRECT_REASON_REQUIRED = "请写明核实经过"
CORRECT_SUBMIT = "保存更正"
CORRECT_CONFIRM = "更正后这件异议就处理完了，结果会重新统计并写进公示。确定吗？"
CORRECT_DONE = "已更正这一户的表决票，结果已重新统计。"
CORRECT_BACK = "返回表决"
CORRECT_ALREADY_RESOLVED = "这件异议已经处理完了"
# console: a project
WORK_ITEMS = "改造内容的进度"
WORK_ITEMS_TEXT = "每次更新都会记在这一项的时间线上；项目总进度按各项估算费用加权计算。"
WORK_PROGRESS = "项目总进度：{percent}%（按估算费用加权）"
ITEM_STATUS = "状态"
ITEM_PROGRESS = "进度（%）"
ITEM_NOTE = "说明"
ITEM_SAVE = "更新"
ITEM_COST = "估算 {amount} 元"
ACCEPTANCE = "联合验收"
ACCEPTANCE_TEXT = "完工后由街道、设计、施工、监理单位和居民代表一起验收；至少两位居民代表签字后才能进入共管。"
ACCEPTANCE_HELD_ON = "验收日期"
ACCEPTANCE_UNITS = "参加单位"
ACCEPTANCE_CONCLUSION = "验收结论"
ACCEPTANCE_REP = "居民代表 {n}"
ACCEPTANCE_REP_FLAT = "所在户"
ACCEPTANCE_REP_NAME = "签字姓名"
ACCEPTANCE_SAVE = "记录联合验收"
CONFIRM_ACCEPTANCE = "联合验收记录后不能修改，居民可以看到。确定吗？"
ACCEPTANCE_DONE = "{date} 联合验收：{units}。{conclusion} 居民代表签字：{names}"
NEXT_MISSING = "进入下一阶段还差："
ADVANCE_EVALUATION_CLOSES = "进入共评会开展效果评价，评价截止日期"
# resident pages
WORK_TITLE = "改造内容和进度"
PRELIMINARY = "初步结果和异议"
OBJECTION_REASON = "哪里记错了"
OBJECTION_SUBMIT = "提出异议"
CONFIRM_OBJECTION = "异议会交给街道调解，调解期间结果不能正式公示。确定提出吗？"

JS = {
    "progress": WORK_PROGRESS, "cost": ITEM_COST, "save": ITEM_SAVE, "status": ITEM_STATUS,
    "progressLabel": ITEM_PROGRESS, "note": ITEM_NOTE, "statuses": ITEM_STATUS_LABELS,
    "period": OBJECTIONS_PERIOD, "noPeriod": OBJECTIONS_NO_PERIOD, "none": OBJECTIONS_NONE,
    "resolution": OBJECTION_RESOLUTION, "resolve": OBJECTION_RESOLVE,
    "confirmResolve": CONFIRM_OBJECTION_RESOLVE, "case": OBJECTION_CASE,
    "ballotAction": BALLOT_ACTION, "ballotActions": BALLOT_ACTIONS, "corrected": CORRECTED,
    "correctLink": CORRECT_LINK,
    "recorded": "{room}：已记录，{who}", "notRecorded": "{room}：没有投票记录",
    "channels": CHANNEL_LABELS,
    "reason": OBJECTION_REASON, "submit": OBJECTION_SUBMIT, "confirmObjection": CONFIRM_OBJECTION,
    "objection": "{room}的异议（{status}）：{reason}", "resolved": "处理结果：{resolution}",
    "capNow": BUDGET_CAP_NOW, "capNone": BUDGET_CAP_NONE, "moneyWrong": "请填写金额，例如 2300000 或 2300000.50",
    "accepted": ACCEPTANCE_DONE, "missing": NEXT_MISSING,
}
