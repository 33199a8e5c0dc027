"""Every sentence the web pages show, in plain short Chinese.

Templates read these as `m.NAME` (with the elevator pages' own, app/web/messages_elevators.py);
the scripts get the `JS` subset as JSON in the page. The words for a domain's states
(a decision, a consultation's or a case's status, a claim) are the domain's own.
"""
from app.cases.api import AUTHOR_ROLES
from app.cases.api import STATUS_LABELS as CASE_STATUS
from app.consultations.api import CHANNEL_LABELS
from app.consultations.api import STATUS_LABELS as CONSULTATION_STATUS
from app.estates.api import CLAIM_STATUS, RELATIONS
from app.rules.api import DECISION_LABELS as DECISION

APP_NAME = "共治"
APP_TAGLINE = "老旧小区改造，大家商量着办"

# Header and shared bits
HOME = "首页"
ELDER_ON = "长辈模式：开"
ELDER_OFF = "长辈模式：关"
READ_ALOUD = "朗读"
STOP_READING = "停止朗读"
READ_ALOUD_PREPARING = "正在准备朗读…"
READ_ALOUD_FAILED = "暂时无法朗读"
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
REJECT_REASON = "原因：{reason}"
CONSOLE_FOR = "{estate} 工作台"
STREET_DESK = "街道工作台"
PUBLIC_PAGE = "改造公开"

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
#: someone already verified for a flat: the flat code form folded away, for another flat only
FLAT_CODE_MORE = "还有别的房屋要认证？"
FLAT_CODE_TEXT = "居委会发给业主的 12 位户码，输入后马上认证为业主。"
FLAT_CODE = "户码"
FLAT_CODE_SUBMIT = "输入户码，认证为业主"
FLAT_CODE_OK = "认证成功，您现在可以参加投票了。"
IDENTITY_TITLE = "用房产证认证业主"
IDENTITY_TEXT = ("填写产权人姓名、身份证号码和不动产权证号（老证叫房产证号），与台账一致就马上认证。"
                 "身份证号码只用来核对，不会保存，也不会给任何人看。")
IDENTITY_NAME = "产权人姓名"
IDENTITY_ID_NUMBER = "身份证号码"
IDENTITY_CERTIFICATE = "不动产权证号或房产证号"
IDENTITY_CERTIFICATE_HINT = "在证书第一页，例如：京(2019)东城区不动产权第0001234号"
IDENTITY_SUBMIT = "核对并认证"
IDENTITY_OK = "核对一致，已认证为业主，您现在可以参加投票了。"

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
NAV_PRINT = "打印材料"
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
APPROVED = CLAIM_STATUS["verified"]
REJECTED = CLAIM_STATUS["rejected"]
CLAIMED_AT = "申请时间"
TRANSFER_TITLE = "登记过户（房屋卖给了别人）"
TRANSFER_TEXT = ("选房屋，填新产权人，上传新证书或过户材料的照片。登记后原业主的认证结束（会收到通知），"
                 "台账改为新产权人，新业主可以用房产证认证。")
TRANSFER_FLAT = "房屋"
TRANSFER_NAME = "新产权人姓名"
TRANSFER_ID = "新产权人身份证号码（可不填，只用来核对，不保存）"
TRANSFER_CERTIFICATE = "新的不动产权证号"
TRANSFER_NOTE = "备注（可不填）"
TRANSFER_EVIDENCE = "证明材料照片"
TRANSFER_SUBMIT = "登记过户"
TRANSFER_DONE = "已登记过户，原业主已收到通知。"
CONFIRM_TRANSFER = "登记后原业主的认证马上结束，台账改为新产权人。确定登记过户吗？"
COL_FLAT = "房屋"
COL_CLAIMANT = "申请人"
COL_RELATION = "关系"
COL_LEDGER_OWNER = "台账业主"
PHONE_MATCHES = "手机号与台账一致"
LEDGER_TITLE = "导入台账"
LEDGER_TEXT = ("上传房管所或物业的台账原表即可：Excel（.xlsx、.xls）或 CSV，每张工作表都会读。"
               "认得的列：楼号（楼栋）、单元、房号或房屋坐落、所在层、建筑面积、产权人、共有人、"
               "联系电话、证件号码、产权性质、产权单位、承租人、不动产权证号。"
               "先检查：看清读到了什么、会改动什么，再确认导入；有一处错误就全部不导入。")
LEDGER_FILE = "台账文件"
LEDGER_SUBMIT = "导入"
LEDGER_DONE = "导入完成：新增 {created} 户，更新 {updated} 户。"
FLAT_CODES_TITLE = "发放户码"
FLAT_CODES_TEXT = ("为每一户生成一个新的一次性户码（30 天内有效），下载表格后打印发给业主。"
                   "业主输入户码即可认证。以前发的、还没用过的户码会作废。")
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
CAST_BY_OTHER_OPEN = "这张票不是您本人投的。如果不是您的意思，请在上面重新投票，以您本人的投票为准；投票截止后，也可以在询异公示期内提出异议。"
RECEIPT_FOUND = "已在公示名单中 ✓"
RECEIPT_MISSING = "公示名单中没有找到，请联系居委会"
CANNOT_VOTE = "您在本次征询的范围内没有经过核实的房屋，只能查看结果。"
NOT_OPEN = "本次征询现在不能投票。"
LIVE_RESULTS = "实时结果"
LIVE_ON = "结果会自动更新"
LIVE_OFF = "正在连接…"
LIVE_POSTS = "新发言会自动出现"
PARTICIPATION = "已参与：业主 {owners} 人（{owners_percent}），面积 {area} ㎡（{area_percent}）"
PARTICIPATION_SURVEY = "已收到 {ballots} 份答卷"
OPTION_LINE = "{label}：{ballots} 票"
OPTION_LINE_AREA = "{label}：{owners} 人，{area} ㎡"
#: under an option count whose flats and owners differ: how owners are counted
SPLIT_NOTE = ("为什么户数和人数不一样：人数按业主算，一位业主有几户只算一人，几个人共有的一户也算一人。"
              "一位业主的几户投得不一样时，面积分别算进各项，人数只算在面积多的那一项；一样多时只算参与，不算在任何一项。")
SCALE_AVERAGE = "平均 {average} 分"
TEXT_ANSWERS = "{n} 条文字意见"
SCALE_LOW = "1 分"
SCALE_HIGH = "5 分"
ITEMS_HINT = "没有选的项目按弃权计算。"
ITEMS_OPTIONS = "每一项都可以选：{options}。"
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
CASE_LOCKED = "讨论已锁定，暂时不能发言"
CASE_AFFECTED = "涉及 {n} 户"
CASE_DISCUSSION = "大家的意见"
NO_POSTS = "还没有人发言。"
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
#: the channels a committee member enters a ballot by (not online)
CHANNELS = {key: label for key, label in CHANNEL_LABELS.items() if key != "online"}
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
    "readAloudPreparing": READ_ALOUD_PREPARING,
    "readAloudFailed": READ_ALOUD_FAILED,
    "claimSent": CLAIM_SENT,
    "flatCodeOk": FLAT_CODE_OK,
    "identityOk": IDENTITY_OK,
    "ledgerDone": LEDGER_DONE,
    "flatCodesDone": FLAT_CODES_DONE,
    "transferDone": TRANSFER_DONE,
    "approved": APPROVED,
    "voteOk": VOTE_OK,
    "itemLine": "{label}：同意 {agree}，反对 {oppose}，弃权 {abstain}",
    "consoleBallots": CONSOLE_BALLOTS,
    "qrRotated": QR_ROTATED,
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
    "splitNote": SPLIT_NOTE,
    "scaleAverage": SCALE_AVERAGE,
    "textAnswers": TEXT_ANSWERS,
    "decision": DECISION,
    "rejected": REJECTED,
}
