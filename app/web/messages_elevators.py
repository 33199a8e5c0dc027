"""What the elevator pages (加装电梯) show, resident and console, in plain short Chinese.

Templates read these as `m.NAME` like the rest of app/web/messages.py.
"""
from app.web.messages import VOTE_OK
ELEVATORS = "加装电梯"
ELEVATOR_TITLE = "{building} {stairwell} 加装电梯"
ELEVATOR_STAGE = "现在的阶段：{stage}"
ELEVATOR_COST = "总造价 {total} 元，补贴 {subsidy} 元，业主分摊 {owners} 元"
ELEVATOR_CONSENT = "意愿征询"
ELEVATOR_PUBLICITY_ENDS = "方案公示到 {time}"
ELEVATOR_OBJECT = "我对方案有异议"
ELEVATOR_OBJECT_REASON = "异议的理由"
ELEVATOR_OBJECT_SUBMIT = "提交异议"
ELEVATOR_OBJECT_OK = "异议已提交，居委会会通过一事一议处理。"
ELEVATOR_SIGN = "同意并签署：{room} 分摊 {amount} 元"
ELEVATOR_SIGNED = "已签署"
ELEVATOR_STATEMENT = "下载我家的费用单（PDF）"
ELEVATOR_NONE = "还没有加装电梯项目。"
ELEVATOR_NEW = "为一个单元提出加装电梯"
ELEVATOR_STAIRWELL = "单元"
ELEVATOR_TOTAL = "总造价（元）"
ELEVATOR_SUBSIDY = "补贴（元）"
ELEVATOR_COEFFICIENTS = "楼层系数（每行一层：楼层=系数，一楼一般为 0）"
ELEVATOR_COEFFICIENTS_DEFAULT = "1=0\n2=0.4\n3=0.7\n4=1\n5=1.1\n6=1.2"
ELEVATOR_PUBLICITY_DAYS = "方案公示天数"
ELEVATOR_CONSENT_CLOSES = "意愿征询截止日期"
ELEVATOR_CREATE = "提出并开始意愿征询"
ELEVATOR_ADVANCE = "进入下一阶段：{stage}"
ELEVATOR_NOTE = "备注（例如审批文号，可不填）"
MONEY_INVALID = "请填写金额，例如 350000 或 350000.50"
COEFFICIENTS_INVALID = "每行写成 楼层=系数，例如 2=0.4"
COL_STAIRWELL = "单元"
COL_STAGE = "阶段"
ELEVATOR_STAGES = "项目进度"
ELEVATOR_STAGE_PREFIX = "现在的阶段："
ELEVATOR_RECEIPT = "回执编号 {receipt}（第 {version} 次提交，以最后一次为准）"
ELEVATOR_STAGE_HINTS = {
    "proposed": "居委会提出了加装电梯的方案。",
    "consent": "正在征询本单元业主的意愿，请业主表态。",
    "publicity": "意愿征询已通过，方案正在公示。对方案有异议可以在公示期内提出。",
    "signing": "公示结束，请同意加装的业主确认并签署本户的分摊金额。",
    "permit": "正在报批。",
    "construction": "正在施工。",
    "acceptance": "施工完成，正在验收。",
    "operating": "电梯已投入使用。",
}
ELEVATOR_LIVE = "阶段变化会自动显示"
ELEVATOR_STAGE_NOW = "阶段已更新为：{stage}"
ELEVATOR_MY_FLAT = "我家 {room}"
ELEVATOR_SHARE_AMOUNT = "应分摊 {amount} 元"
ELEVATOR_SHARE_ZERO = "不需要分摊费用"
ELEVATOR_HOW = "怎么算的"
ELEVATOR_HOW_COST = "业主共同承担的费用 = 总造价 {total} 元 − 补贴 {subsidy} 元 = {owners} 元。"
ELEVATOR_HOW_COMPENSATION = "另外，低层住户共得到补偿 {compensation} 元，由需要分摊的住户一起承担，所以共需分摊 {to_pay} 元。"
ELEVATOR_HOW_RULE = "分摊规则：每户的分摊比例 = 楼层系数 × 建筑面积。楼层越高系数越大，一楼一般为 0。"
ELEVATOR_HOW_FLAT = "您家在 {floor} 层，楼层系数 {coefficient}，面积 {area} ㎡，比例 = {coefficient} × {area} = {weight}。"
ELEVATOR_HOW_TOTAL = "全单元 {flats} 户的比例合计 {weight_total}。"
ELEVATOR_HOW_SHARE = "您家分摊 = {to_pay} 元 × {weight} ÷ {weight_total}，精确到分是 {pays} 元。"
ELEVATOR_HOW_ROUNDING = "算到分后剩下的几分钱，补给零头最多的几户，每户最多 1 分，所以全单元合计正好是 {to_pay} 元。"
ELEVATOR_HOW_ZERO = "您家楼层系数是 0，所以不分摊费用。"
ELEVATOR_HOW_RECEIVES = "您家作为低层住户得到补偿 {receives} 元，所以净分摊 {net} 元。"
ELEVATOR_VOTE_TITLE = "请您表态（{room}）"
ELEVATOR_VOTE_ONLY_OWNER = "只有经过核实的业主（或业主委托的家人）才能表态，您可以查看进展。"
ELEVATOR_VOTE_CLOSED = "意愿征询已经截止。"
ELEVATOR_CONSENT_CLOSED = "意愿征询已经截止，不能再表态了。结果见下方“意愿征询进展”，请等居委会进入下一阶段。"
ELEVATOR_ROUND_RESULT = "意愿征询已经截止，结果：{decision}。"
ELEVATOR_MY_VOTE = "我的选择：{choice}"
ELEVATOR_OBJECTION_HINT = "对方案有异议（例如影响采光、占用绿地）？方案公示期间可以在这里提出，居委会会按一事一议处理。"
ELEVATOR_OBJECTION_CASE = "查看一事一议的讨论"
ELEVATOR_OBJECTION_LINE = "{room} 的异议：{reason}"
ELEVATOR_OBJECTION_HANDLED = {True: "已处理", False: "处理中"}
ELEVATOR_SIGN_TEXT = "签署表示您同意按上面的金额分摊加装电梯费用。"
ELEVATOR_PROGRESS = "意愿征询进展"
ELEVATOR_RULE = "表决规则：{rule}"
ELEVATOR_THRESHOLD_PARTICIPATION = "参与表决的业主（占本单元全体业主）"
ELEVATOR_THRESHOLD_APPROVAL = "同意加装的业主（占参与表决的业主）"
COMPARISONS = {"at_least": "以上（含本数）", "more_than": "以上（不含本数）"}
ELEVATOR_COUNT_OWNERS = "业主人数：{part} 人，占 {percent}；要求 {bound}{comparison}"
ELEVATOR_COUNT_AREA = "面积：{part} ㎡，占 {percent}；要求 {bound}{comparison}"
ELEVATOR_NO_BOUND = "不作要求"
ELEVATOR_MET = "✓ 已达到"
ELEVATOR_NOBODY_YET = "还没有业主参与表决。"
ELEVATOR_HEADCOUNT_NOTE = "一位业主有几户只算一人，几个人共有的一户也算一人；面积按台账登记的建筑面积计算；弃权算参与，不算同意。"
ELEVATOR_APPROVAL_HIDDEN = "截止前不公开同意人数。"
ELEVATOR_PAYMENT = "付款方式"
ELEVATOR_NO_FLAT = "您在这个单元没有经过核实的房屋。"
ELEVATOR_ESTATE_PROJECTS = "本小区的加装电梯项目"
ELEVATOR_CONSENT_COL = "意愿"
ELEVATOR_SIGNATURE_COL = "签署"
ELEVATOR_SHARE_COL = "分摊（元）"
ELEVATOR_COEFFICIENT_COL = "系数"
ELEVATOR_AREA_COL = "面积（㎡）"
ELEVATOR_FLOOR_COL = "楼层"
ELEVATOR_ROOM_COL = "房号"
ELEVATOR_STANCES = {"agree": "同意", "oppose": "不同意", "abstain": "弃权"}
ELEVATOR_VOTED = "已表态"
ELEVATOR_NOT_YET = "未表态"
ELEVATOR_STANCE_AFTER_CLOSE = "意愿征询截止后显示每户的选择；现在只显示是否已表态。"
ELEVATOR_SIGNED_ON = "{time} 已签署"
ELEVATOR_UNSIGNED = "未签署"
ELEVATOR_CLOSE_ROUND = "截止意愿征询"
ELEVATOR_CLOSE_ROUND_TEXT = "意愿征询截止后才能判断是否通过；截止时间一到会自动截止，也可以在这里提前截止。"
ELEVATOR_CLOSED_OK = "已截止。"
ELEVATOR_ADVANCE_TITLE = "推进阶段"
ELEVATOR_ADVANCE_LAST = "项目已进入最后一个阶段。"
ELEVATOR_ADVANCED = "已进入：{stage}"
ELEVATOR_WHAT_IF = "试算：换一套系数或金额，看看每户分摊多少（不会保存）"
ELEVATOR_WHAT_IF_SUBMIT = "试算"
ELEVATOR_WHAT_IF_NOW = "现在（元）"
ELEVATOR_WHAT_IF_THEN = "试算（元）"
ELEVATOR_WHAT_IF_SUM = "合计 {amount} 元"
ELEVATOR_CURRENT_SHARES = "各户分摊与签署"
ELEVATOR_OBJECTIONS_TITLE = "异议"
ELEVATOR_NO_OBJECTIONS = "没有异议。"
ELEVATOR_HISTORY = "阶段记录"
ELEVATOR_OPEN = "管理"
ELEVATOR_CREATED = "已提出，意愿征询已开始。"
ELEVATOR_RESIDENT_PAGE = "居民看到的页面"
ELEVATOR_CONSOLE_TITLE = "{building} {stairwell} 加装电梯"

# Shown by the elevator scripts (elevator.js, console_elevators.js)
ELEVATOR_JS = {
    "stageNow": ELEVATOR_STAGE_NOW,
    "receipt": ELEVATOR_RECEIPT,
    "stageHints": ELEVATOR_STAGE_HINTS,
    "consentClosed": ELEVATOR_CONSENT_CLOSED,
    "voteOk": VOTE_OK,
    "myVote": ELEVATOR_MY_VOTE,
    "stances": ELEVATOR_STANCES,
    "objectOk": ELEVATOR_OBJECT_OK,
    "objectionCase": ELEVATOR_OBJECTION_CASE,
    "objectionLine": ELEVATOR_OBJECTION_LINE,
    "objectionOpen": ELEVATOR_OBJECTION_HANDLED[False],
    "signed": ELEVATOR_SIGNED,
    "moneyInvalid": MONEY_INVALID,
    "coefficientsInvalid": COEFFICIENTS_INVALID,
    "closedOk": ELEVATOR_CLOSED_OK,
    "advanced": ELEVATOR_ADVANCED,
    "whatIfSum": ELEVATOR_WHAT_IF_SUM,
    "created": ELEVATOR_CREATED,
}
