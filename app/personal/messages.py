"""个人信息处理规则: every sentence of /privacy, plain and short."""

#: the version of these rules; change it whenever the text below changes
NOTICE_VERSION = "2026-12-07"

TITLE = "个人信息处理规则"
JOB_RETENTION = "删除保存期已过的个人信息（验证码、短信记录、登录记录）"
INTRO = "这里说清楚：本平台保存您的哪些信息、为什么、保存多久、谁能看到。"
WHO = "谁在处理"
WHO_TEXT = "{controller}使用本平台组织老旧小区改造的问卷、投票、议事和公示。"
CONTACT = "有问题请联系：{contact}"
CONTACT_NONE = "有问题请联系小区业委会或街道办事处。"

KEPT = "保存什么，为什么"
KEPT_ITEMS = (
    ("手机号", "用来登录、收验证码和投票通知。"),
    ("姓名和房屋", "楼栋、单元、房号、面积，用来确认您是业主或住户，按户、按面积计票。"),
    ("身份证号", "敏感个人信息，另外单独征得同意：导入台账时用来认出同一位业主，您核对业主身份时用来比对；"
             "只存加密后的校验值，不存号码本身。"),
    ("微信标识", "用微信登录时需要。"),
    ("投票、意见和照片", "这是小区共同的决定和记录，依法公示。"),
    ("登录记录", "用来保护您的账号安全。"),
)

SEEN = "谁能看到"
SEEN_ITEMS = (
    "您自己：能看到全部。",
    "本小区业委会和街道工作人员：本小区业主的姓名、房号和电话，用来核实身份和联系您。",
    "其他居民和公开页面：只看到统计结果；姓名和电话打码，例如 张*、138****1234。",
    "不提供给其他单位或个人，法律要求的除外。",
)

HOW_LONG = "保存多久"
RETENTION = {
    "sms_codes": "短信验证码：过期 {days} 天后删除",
    "sms_outbox": "发出的短信记录：{days} 天后删除",
    "login_tickets": "一次性登录链接：过期 {days} 天后删除",
    "ended_sessions": "已退出的登录记录：{days} 天后删除",
}
KEPT_LONG = ("投票、决定和审计记录：作为小区决定的依据长期保存。注销账号后，您的票仍然计数，"
             "但姓名、电话和微信标识会删除。")

RIGHTS = "您的权利"
RIGHTS_ITEMS = (
    "查看和下载：在“我的数据”页面查看我们保存的关于您的信息，可下载 PDF 和完整数据。",
    "同意和撤回：第一次登录时请您同意本规则；规则更新会再问您。不同意可以退出登录，也可以注销账号。",
    "注销账号：在“我的数据”页面注销。",
    "更正：信息有误，请联系业委会更正。",
)
MY_DATA = "打开“我的数据”"
VERSION = "本规则版本：{version}"

# The consent page at first login (and again after a new version of the rules)
CONSENT_TITLE = "使用前请您同意"
CONSENT_TITLE_AGAIN = "个人信息处理规则有更新，请再看一下"
CONSENT_INTRO = "为了组织小区改造的问卷、投票和议事，本平台需要保存您的一些信息："
CONSENT_ITEMS = (
    "手机号：登录、收验证码和通知。",
    "姓名和房屋：确认您是业主或住户，按户、按面积计票。",
    "投票、意见和照片：小区共同的决定，依法公示；公开时姓名和电话打码。",
    "登录记录：保护您的账号安全。",
)
CONSENT_ID_NOTE = "身份证号另外单独问您，您同意了才会用。"
CONSENT_FULL = "看完整的个人信息处理规则"
CONSENT_AGREE = "同意，继续使用"
CONSENT_DECLINE = "不同意，退出登录"
CONSENT_DECLINED = "您没有同意，已经退出登录。想用的时候，重新登录并同意就可以。"
CONSENT_REQUIRED = "请先阅读并同意个人信息处理规则"
