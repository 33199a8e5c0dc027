"""What the resident pages added for issue 17 show: vote steps and review, 待办 and 我的记录,
tenants, published results, and the shared feedback words. Plain short Chinese.

Templates read these as `m.NAME` like app/web/messages.py; the scripts get `JS` merged
into the page's message JSON (see app/web/pages.py).
"""
# Home: 待办 and 我的记录
TODO = "待办"
TODO_NONE = "现在没有需要您处理的事。"
TODO_VOTE = "去投票"
TODO_ANSWER = "去填写"
VIEW_ITEM = "查看"
TENANT_CAN = "本次由业主表决。您是{relation}，可以查看进展和结果，参加讨论。"
MY_RECORDS = "我的记录"
MY_RECORDS_NONE = "您参加过的征询结束后会留在这里，可以随时回来看结果、核对回执。"
RECORD_OUTCOME = "结果：{decision}"
RECORD_RECEIPT_OK = "回执已核对 ✓"
RECORD_RECEIPT_MISSING = "回执没有在公示名单中，请联系居委会"
RECORD_RECEIPT_WAIT = "结果公示后可以核对回执"

# Consultation page
RESULTS = "结果"
RESULTS_PUBLISHED = "公示结果"
MY_RECEIPT_TEXT_CLOSED = "回执编号可以和公示名单核对，证明您的票被计入。"
OTHER_FLATS_NOT_VOTED = "{rooms} 还没有投票。"
OTHER_FLAT_GO = "为 {room} 投票"
CANNOT_VOTE_TENANT = "本次表决由业主参加（业主可以委托家人）。您是{relation}，可以查看进展和结果。"
VOTE_FIX_AT = "第 {n} 题“{title}”没有答好，请看红字提示。"
VOTE_FIX_JUMP = "去改这一题"
ELEVATOR_CONSENT_SHARE = "这是加装电梯的意愿征询。{room} 应分摊 {amount} 元。"
ELEVATOR_CONSENT_ZERO = "这是加装电梯的意愿征询。{room} 不需要分摊费用。"
ELEVATOR_CONSENT_LINK = "看电梯方案、费用怎么算"
ROUND_CLOSED_LIVE = "投票已经截止，不能再提交了。"

# Steps and review (long votes)
STEP_OF = "第 {n} 步，共 {total} 步：{title}"
STEP_NEXT = "下一步"
STEP_BACK = "上一步"
STEP_REVIEW = "检查我的选择"
REVIEW_TITLE = "提交前请检查"
REVIEW_ITEMS = "{title}：同意 {agree} 项、反对 {oppose} 项、未选 {blank} 项按弃权"
REVIEW_ANSWER = "{title}：{answer}"
REVIEW_BLANK = "没有回答"
REVIEW_CONFIRM = "确认提交"
REVIEW_EDIT = "返回修改"

# Elevator page, for a tenant or family member
ELEVATOR_TENANT = "加装电梯由本单元业主决定、分摊费用。您是{relation}，不需要分摊；可以查看进展，有意见可以在讨论里说。"

# Scripts
JS = {
    "stepOf": STEP_OF,
    "stepNext": STEP_NEXT,
    "stepBack": STEP_BACK,
    "stepReview": STEP_REVIEW,
    "reviewTitle": REVIEW_TITLE,
    "reviewItems": REVIEW_ITEMS,
    "reviewAnswer": REVIEW_ANSWER,
    "reviewBlank": REVIEW_BLANK,
    "reviewConfirm": REVIEW_CONFIRM,
    "reviewEdit": REVIEW_EDIT,
    "roundClosedLive": ROUND_CLOSED_LIVE,
}
