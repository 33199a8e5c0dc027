"""What residents read about their own data."""
LINK_REVOKED_REASON = "账号已注销"

# 我的个人信息: the export as a person reads it (page and PDF)
MY_DATA_TITLE = "我的个人信息"
MY_DATA_INTRO = "这是本平台保存的关于您的信息。下载 PDF 可以打印或留存；JSON 是完整的原始数据。"
MY_DATA_EXPORTED = "导出时间：{time}（北京时间）"
MY_DATA_PDF = "下载 PDF"
MY_DATA_JSON = "下载完整数据（JSON）"
MY_DATA_NONE = "没有记录"
NOT_SET = "未填写"
SECTION_ACCOUNT = "账号"
SECTION_FLATS = "房屋"
SECTION_BALLOTS = "投票（含回执号）"
SECTION_MESSAGES = "消息"
SECTION_CONSENTS = "同意记录"
SECTION_LOGINS = "登录记录"
ACCOUNT_ROWS = ("手机号", "姓名", "微信", "注册时间")
WECHAT_BOUND = "已绑定"
FLAT_HEADERS = ("房屋", "关系", "状态", "时间")
FLAT_PLACE = "{estate} {building}{stairwell}{room}"
BALLOT_HEADERS = ("征询", "房屋", "回执号", "方式", "时间")
MESSAGE_HEADERS = ("标题", "内容", "时间")
CONSENT_HEADERS = ("同意的内容", "版本", "登录方式", "时间")
LOGIN_HEADERS = ("登录方式", "开始", "结束")
LOGIN_ACTIVE = "仍在登录"
