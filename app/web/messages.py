"""Every sentence the web pages show, in plain short Chinese.

Templates read these as `m.NAME`; the scripts get the `JS` subset as JSON in the page.
"""
APP_NAME = "共治"
APP_TAGLINE = "老旧小区改造，大家商量着办"

# Header and shared bits
HOME = "首页"
ELDER_MODE = "长辈模式"
ELDER_ON = "长辈模式：开"
ELDER_OFF = "长辈模式：关"
READ_ALOUD = "朗读"
STOP_READING = "停止朗读"
LOGIN = "登录"
LOGOUT = "退出登录"
CONSOLE = "居委会工作台"
BACK_HOME = "返回首页"
LOADING = "正在加载…"
SUBMIT = "提交"
CANCEL = "取消"
SAVED = "已保存"
NEED_LOGIN = "请先登录"
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
ADD_FLAT = "再登记一户"
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
CHANGE_PHONE = "换一个手机号"

# Claim a flat
CLAIM_TITLE = "登记我的房屋"
CLAIM_PLACE = "{estate} {building} {stairwell}"
CHOOSE_ROOM = "选择房号"
CHOOSE_ROOM_HINT = "请选择您家的房号"
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
ALREADY_LINKED = "您已登记：{status}"

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
    "rejected": REJECTED,
}
