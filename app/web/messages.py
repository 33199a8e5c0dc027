"""Every sentence the web pages show, in plain short Chinese.

Templates read these as `m.NAME`; the scripts get the `JS` subset as JSON in the page.
"""
APP_NAME = "共治"
APP_TAGLINE = "老旧小区改造，大家商量着办"

# Header and shared bits
HOME = "首页"
ELDER_ON = "长辈模式：开"
ELDER_OFF = "长辈模式：关"
READ_ALOUD = "朗读"
STOP_READING = "停止朗读"
LOGIN = "登录"
LOGOUT = "退出登录"
CONSOLE = "居委会工作台"
BACK_HOME = "返回首页"
CANCEL = "取消"
SAVED = "已保存"
FOOTER = "共治 · 数据只用于本小区改造议事"

# Home
WELCOME_TITLE = "欢迎使用共治"
WELCOME_TEXT = "在这里参加小区改造的意见征询和投票，查看结果。请先用手机号登录。"
WELCOME_SCAN = "也可以扫描单元门口的二维码进入。"
HELLO = "您好，{who}"
MY_FLATS = "我的房屋"
NO_FLATS = "您还没有登记房屋。请扫描单元门口的二维码，选择您家的房号；或者输入居委会给您的户码。"
OPEN_CONSULTATIONS = "正在进行的征询和投票"
NO_OPEN_CONSULTATIONS = "现在没有正在进行的征询。"
CLAIM_STATUS = {"pending": "等待居委会审核", "verified": "已认证", "rejected": "没有通过",
                "revoked": "已取消"}
RELATIONS = {"owner": "业主（房主）", "tenant": "租户", "family": "家属"}
REJECT_REASON = "原因：{reason}"
CONSOLE_FOR = "{estate} 工作台"

# Login
LOGIN_TITLE = "手机号登录"
PHONE = "手机号"
PHONE_HINT = "请输入 11 位手机号"
SEND_CODE = "获取验证码"
CODE = "验证码"
CODE_HINT = "短信里的 6 位数字，10 分钟内有效"
CODE_SENT = "验证码已发送到 {phone}，10 分钟内有效。"
RESEND_IN = "{seconds} 秒后可重新获取"
LOGIN_BUTTON = "登录"
LOGIN_OK = "登录成功"
WECHAT_LOGIN = "用微信登录"

# Claim a flat
CLAIM_TITLE = "登记我的房屋"
CLAIM_PLACE = "{estate} {building} {stairwell}"
CHOOSE_ROOM = "选择房号"
FLOOR_N = "{floor} 层"
CHOOSE_RELATION = "您和这一户的关系"
CLAIM_SUBMIT = "提交登记"
CLAIM_SENT = "已提交，请等待居委会审核。审核通过后就可以参加投票。"
CLAIM_NO_STAIRWELL = "请扫描单元门口的二维码，选择您家的房号。"
FLAT_CODE_TITLE = "有户码？直接认证"
FLAT_CODE_TEXT = "居委会发给业主的 12 位户码，输入后马上认证为业主。"
FLAT_CODE = "户码"
FLAT_CODE_SUBMIT = "用户码认证"
FLAT_CODE_OK = "认证成功，您现在可以参加投票了。"

# Errors
ERROR_TITLE = "出错了"
NETWORK_ERROR = "网络不通，请稍后再试"

# Committee console
CONSOLE_TITLE = "居委会工作台"
CONSOLE_NO_ESTATE = "您不是任何小区的居委会成员。"
CONSOLE_ESTATES = "我管理的小区"
ESTATE_SUMMARY = "{buildings} 栋楼，{stairwells} 个单元，{flats} 户"
NAV_OVERVIEW = "概览"
NAV_CLAIMS = "住户审核"
NAV_LEDGER = "导入台账"
NAV_FLAT_CODES = "户码"
NAV_CONSULTATIONS = "征询与投票"
NAV_POSTERS = "二维码海报"
NAV_CASES = "一事一议"
NAV_ELEVATORS = "加装电梯"
POSTERS_TITLE = "二维码海报"
POSTERS_TEXT = "每个单元一页 A4 海报，贴在单元门口。居民扫码后登录、登记房屋，就能参加本单元和小区的征询。"
POSTERS_DOWNLOAD = "下载全部海报（PDF）"
QR_ROTATE = "换新二维码"
QR_ROTATE_TEXT = "海报丢了或被人拿走时使用：旧二维码会马上失效，请重新打印这个单元的海报。"
QR_ROTATED = "已换新，请重新打印。"
QR_ALT = "{place} 的二维码"
CLAIMS_TITLE = "等待审核的登记"
NO_PENDING_CLAIMS = "没有等待审核的登记。"
CLAIM_ROW = "{building} {stairwell} {room}"
APPROVE = "通过"
REJECT = "不通过"
REJECT_REASON_LABEL = "不通过的原因（住户会看到）"
REJECT_REASON_DEFAULT = "与台账信息不符，请到居委会核对"
APPROVED = "已通过"
REJECTED = "已拒绝"
CLAIMED_AT = "申请时间"
COL_FLAT = "房屋"
COL_CLAIMANT = "申请人"
COL_RELATION = "关系"
COL_LEDGER_OWNER = "台账业主"
PHONE_MATCHES = "手机号与台账一致"
LEDGER_TITLE = "导入台账"
LEDGER_TEXT = ("上传 CSV 或 Excel（.xlsx）表格。列：楼栋、单元、房号、楼层、建筑面积、业主姓名、"
               "联系电话、身份证号。有一处错误就全部不导入，并告诉您是哪一行。")
LEDGER_FILE = "台账文件"
LEDGER_SUBMIT = "导入"
LEDGER_DONE = "导入完成：新增 {created} 户，更新 {updated} 户。"
LEDGER_ROW_ERROR = "第 {row} 行 {column}：{message}"
FLAT_CODES_TITLE = "发放户码"
FLAT_CODES_TEXT = ("为每一户生成一个新的一次性户码（30 天内有效），下载表格后打印发给业主。"
                   "业主输入户码即可认证。旧的未用户码会作废。")
FLAT_CODES_SUBMIT = "生成并下载户码表"
FLAT_CODES_DONE = "户码表已下载。"
BUILDINGS = "楼栋与单元"
STAIRWELL_FLATS = "{n} 户"
VIEW_CLAIM_LINK = "住户登记页"

# Consultations (resident)
CONSULTATION_CLOSES = "截止时间：{time}"
CONSULTATION_RULE = "表决规则：{rule}"
OPEN_ITEM = "去参加"
VOTE_FOR_FLAT = "为哪一户投票"
VOTE_SUBMIT = "提交"
VOTE_CHANGE = "修改我的选择"
VOTE_OK = "已提交。回执编号：{receipt}"
MY_RECEIPT = "我的回执"
MY_RECEIPT_TEXT = "回执编号可以在结果公示时核对，证明您的票被计入。截止前可以随时修改，以最后一次为准。"
RECEIPT_LINE = "{room}：{receipt}（第 {version} 次提交）"
RECEIPT_LINE_SURVEY = "{receipt}（第 {version} 次提交）"
RECEIPT_FOUND = "已在公示名单中 ✓"
RECEIPT_MISSING = "公示名单中没有找到，请联系居委会"
CANNOT_VOTE = "您在本次征询的范围内没有经过核实的房屋，只能查看结果。"
NOT_OPEN = "本次征询现在不能投票。"
LIVE_RESULTS = "实时结果"
LIVE_ON = "结果会自动更新"
LIVE_OFF = "正在连接…"
LIVE_POSTS = "新发言会自动出现"
PARTICIPATION = "已参与：{owners} 户，面积 {area} ㎡"
PARTICIPATION_SURVEY = "已收到 {ballots} 份答卷"
OPTION_LINE = "{label}：{ballots} 票"
OPTION_LINE_AREA = "{label}：{owners} 户，{area} ㎡"
SCALE_AVERAGE = "平均 {average} 分"
TEXT_ANSWERS = "{n} 条文字意见"
DECISION = {"passed": "通过", "failed": "未通过", "pending": "进行中"}
SCALE_LOW = "1 分"
SCALE_HIGH = "5 分"
ITEMS_HINT = "没有选的项目按弃权计算。"
CONSULTATION_STATUS = {"draft": "草稿", "open": "进行中", "closed": "已截止", "published": "已公示"}
CONSULTATION_KINDS = {"survey": "调查", "vote": "表决", "evaluation": "评价"}
HOME_FLAT_VOTED = "{room}：已投票"
HOME_FLAT_NOT_VOTED = "{room}：还没投票"
HOME_ANSWERED = "已回答"
HOME_NOT_ANSWERED = "还没回答"
REQUIRED_MARK = "必答"
CHOOSE_BETWEEN = "选 {low} 到 {high} 项"
CHOOSE_UP_TO = "最多选 {n} 项，可以不选"
TEXT_LIMIT = "最多 {n} 个字"
RESULTS_HIDDEN = "本次征询在截止后才公布结果。"
NO_BALLOT_YET = "您还没有提交。"
CSRF_FAILED = "页面已过期，请刷新后再试"
VOTE_FIX = "有的题目没有答好，请看下面红字的提示。"
ANSWER_FOR = "现在填写的是：{room}"
SURVEY_SUBMIT = "提交答卷"
RULE_NONE = "本次不作表决，只统计意见"

# Cases (一事一议)
CASES = "一事一议"
CASE_STATUS = {"open": "讨论中", "mediation": "调解中", "resolution_vote": "表决中", "closed": "已结案"}
CASE_LOCKED = "讨论已锁定，暂时不能发言"
CASE_AFFECTED = "涉及 {n} 户"
CASE_DISCUSSION = "大家的意见"
NO_POSTS = "还没有人发言。"
AUTHOR_ROLES = {"committee": "居委会", "moderator": "版主", "resident": "居民"}
POST_HIDDEN = "这条发言已被隐藏"
POST_HIDDEN_REASON = "这条发言已被隐藏。原因：{reason}"
REPLY = "回复"
REPLYING_TO = "回复 {who} 的发言"
CANCEL_REPLY = "不回复了"
REPORT = "举报"
REPORT_REASON = "举报原因"
REPORT_DEFAULT = "人身攻击或不实信息"
REPORTED = "已举报，版主会尽快处理。"
HIDE = "隐藏"
HIDE_REASON = "隐藏原因（大家都能看到）"
HIDE_DEFAULT = "含有人身攻击"
WRITE_POST = "我要发言"
POST_HINT = "请文明发言，就事论事。"
POST_SUBMIT = "发表"
CASE_MEETINGS = "调解会议"
CASE_OUTCOME = "结果"
CASE_RESOLUTION = "去表决"
CONFIRM = "确定"
REPORTED_N = "被举报 {n} 次：{reasons}"
CASES_TITLE = "一事一议"
NO_CASES_CONSOLE = "还没有一事一议。"
COL_POSTS = "发言"
COL_REPORTS = "待处理举报"
OPEN_CASE_PAGE = "查看和管理讨论"

# Elevators (加装电梯)
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
ELEVATOR_COUNT_OWNERS = "人数：{part} 户，约 {decimal}；要求 {bound}{comparison}"
ELEVATOR_COUNT_AREA = "面积：{part} ㎡，约 {decimal}；要求 {bound}{comparison}"
ELEVATOR_NO_BOUND = "不作要求"
ELEVATOR_MET = "✓ 已达到"
ELEVATOR_NOBODY_YET = "还没有业主参与表决。"
ELEVATOR_HEADCOUNT_NOTE = "一位业主有几户只算一人；面积按台账登记的建筑面积计算；弃权算参与，不算同意。"
ELEVATOR_APPROVAL_HIDDEN = "截止前不公开同意人数。"
ELEVATOR_DECISION = {"passed": "已通过", "failed": "未通过", "pending": "进行中"}
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

# Consultations (console)
CONSULTATIONS_TITLE = NAV_CONSULTATIONS
NO_CONSULTATIONS = "还没有征询。用下面的表格从模板新建一个。"
COL_TITLE = "标题"
COL_STATUS = "状态"
COL_CLOSES = "截止时间"
NEW_CONSULTATION = "新建征询"
TEMPLATE = "模板"
TITLE_OPTIONAL = "标题（不填就用模板的标题）"
SCOPE = "范围"
SCOPES = {"estate": "全小区", "building": "一栋楼", "stairwell": "一个单元"}
SCOPE_BUILDING = "楼栋"
SCOPE_STAIRWELL = "单元"
CLOSES_DATE = "截止日期"
CLOSES_TIME = "截止时间（北京时间）"
HIDE_RESULTS = "截止前不公开各选项票数"
CREATE = "建立草稿"
LIFECYCLE = {"open": "开始", "close": "截止", "publish": "公示结果"}
MANAGE = "管理"
RESIDENT_VIEW = "居民看到的页面"
ASSISTED_TITLE = "代录纸质票 / 委托票"
PAPER_BALLOTS = "纸质表决票：打印、拍照、核对"
ASSISTED_TEXT = "为没有手机的业主录入纸质票、委托票或协助投票。会记录是谁录入的，请写明凭证。"
ASSISTED_FLAT = "哪一户"
ASSISTED_CHANNEL = "方式"
CHANNELS = {"paper": "纸质票", "proxy": "委托代投", "assisted": "协助录入"}
EVIDENCE = "凭证（例如：纸质票编号、委托书编号）"
WITNESS_PHONE = "见证人手机号（可不填）"
ASSISTED_SUBMIT = "录入"
ASSISTED_OK = "已录入。回执编号：{receipt}"
ASSISTED_CLOSED = "征询开始后、截止前才能录入。"
ASSISTED_FLAT_HINT = "请选择一户"
CONSOLE_CONSULTATION_STATUS = "状态：{status}"
CONSOLE_SCOPE = "范围：{scope}"
CONSOLE_BALLOTS = "已收到 {n} 张票（网上 {online}，纸质 {paper}，委托 {proxy}，协助 {assisted}）"
EXPORT_CSV = "下载公示表（CSV）"
EXPORT_PDF = "下载公示表（PDF）"
LIFECYCLE_HINT = {"draft": "草稿只有居委会能看到。检查无误后点“开始”，居民就能参加了。",
                  "open": "征询进行中。到了截止时间会自动截止，也可以提前截止。",
                  "closed": "已截止。检查结果后点“公示结果”，居民就能看到结果和回执名单。",
                  "published": "结果已公示。"}
COMMITTEE_RESULTS = "结果（居委会看到的）"

# Scripts: shown by app.js and the page scripts
JS = {
    "network": NETWORK_ERROR,
    "sent": CODE_SENT,
    "resendIn": RESEND_IN,
    "sendCode": SEND_CODE,
    "loginOk": LOGIN_OK,
    "saved": SAVED,
    "elderOn": ELDER_ON,
    "elderOff": ELDER_OFF,
    "readAloud": READ_ALOUD,
    "stopReading": STOP_READING,
    "claimSent": CLAIM_SENT,
    "flatCodeOk": FLAT_CODE_OK,
    "ledgerDone": LEDGER_DONE,
    "ledgerRowError": LEDGER_ROW_ERROR,
    "flatCodesDone": FLAT_CODES_DONE,
    "approved": APPROVED,
    "voteOk": VOTE_OK,
    "itemLine": "{label}：同意 {agree}，反对 {oppose}，弃权 {abstain}",
    "consoleBallots": CONSOLE_BALLOTS,
    "qrRotated": QR_ROTATED,
    "moneyInvalid": MONEY_INVALID,
    "coefficientsInvalid": COEFFICIENTS_INVALID,
    "objectOk": ELEVATOR_OBJECT_OK,
    "postHidden": POST_HIDDEN,
    "postHiddenReason": POST_HIDDEN_REASON,
    "replyingTo": REPLYING_TO,
    "reported": REPORTED,
    "reportReason": REPORT_REASON,
    "reportDefault": REPORT_DEFAULT,
    "hideReason": HIDE_REASON,
    "hideDefault": HIDE_DEFAULT,
    "reply": REPLY,
    "report": REPORT,
    "hide": HIDE,
    "authorRoles": AUTHOR_ROLES,
    "liveOn": LIVE_ON,
    "liveOff": LIVE_OFF,
    "participation": PARTICIPATION,
    "participationSurvey": PARTICIPATION_SURVEY,
    "optionLine": OPTION_LINE,
    "optionLineArea": OPTION_LINE_AREA,
    "scaleAverage": SCALE_AVERAGE,
    "textAnswers": TEXT_ANSWERS,
    "decision": DECISION,
    "rejected": REJECTED,
}
