"""What people read when logging in goes wrong."""
PHONE_INVALID = "请输入 11 位手机号"
# The SMS templates, one per kind, as approved by the provider (app.auth.sms.KINDS)
SMS_TEXT = "【共治】您的验证码是 {code}，10 分钟内有效。请勿告诉他人。"
SMS_VOTE_OPENED = "【共治】{estate}的“{title}”开始表决了，{closes_at} 截止，请打开链接参与：{link}"
SMS_CLOSING_SOON = "【共治】{estate}的“{title}”将在 {closes_at} 截止，您还没有参与，请打开链接参与：{link}"
SMS_RESULTS = "【共治】{estate}的“{title}”结果已经公示，请打开链接查看：{link}"
SMS_MEETING = "【共治】{estate}将于 {time} 在{place}召开“{title}”，详情请打开链接：{link}"
SMS_CLAIM_DECIDED = "【共治】您在{estate}认证{flat}的申请{result}，详情请打开链接：{link}"
SMS_BALLOT_ENTERED = ("【共治】{estate}的“{title}”：{flat}的表决票{how}。如果不是您的意思，"
                      "请打开链接自己重新投票：{link}")
SMS_OBJECTION_DECIDED = "【共治】您对{estate}“{title}”结果提出的异议已有处理结果，请打开链接查看：{link}"
SMS_FLAT_TRANSFERRED = "【共治】居委会已登记{estate}{flat}的过户，您的业主认证已结束。如有误请联系居委会：{link}"
RESEND_TOO_SOON = "验证码刚发过，请 {seconds} 秒后再试"
DAILY_LIMIT = "今天获取验证码次数太多了，请明天再试"
SMS_FAILED = "短信没有发出去，请稍后再试"
TOKEN_INVALID = "登录已失效，请重新登录"
NO_CODE = "请先获取验证码"
CODE_EXPIRED = "验证码已过期（10 分钟内有效），请重新获取"
TOO_MANY_TRIES = "验证码输错次数太多，请重新获取"
WRONG_CODE = "验证码不对，还可以再试 {left} 次"
WECHAT_OFF = "本平台没有开通微信登录"
WECHAT_FAILED = "微信登录没有成功，请再试一次或用手机号登录"
ROLE_NEEDS_ESTATE = "小区角色需要指定小区"
ESTATE_NOT_FOUND = "没有找到这个小区"
MINI_OFF = "本平台没有开通小程序登录"
MINI_CODE_INVALID = "登录凭证已失效，请重新打开小程序再登录"
MINI_PHONE_CODE_INVALID = "手机号授权已失效，请重新点“获取手机号”"
WECHAT_RATE_LIMITED = "微信登录太频繁了，请等一分钟再试"
WECHAT_BUSY = "微信系统繁忙，请稍后再试"
WECHAT_MISCONFIGURED = "小程序登录的设置有误，请联系平台管理员"
WECHAT_RISKY = "微信判断这次登录有风险，请改用手机号验证码登录"
WECHAT_ERROR = "微信登录没有成功（微信错误 {errcode}），请稍后再试或用手机号登录"
WECHAT_TIMEOUT = "微信没有及时响应，请稍后再试"
WECHAT_UNREACHABLE = "暂时连不上微信，请稍后再试"
PHONE_TICKET_INVALID = "登录已超时，请重新打开小程序再登录"
PHONE_NOT_MAINLAND = "请使用中国大陆手机号登录"
WEB_TICKET_INVALID = "这个链接已经用过或已过期，请回到小程序重新打开"
TOKEN_REUSED = "这个登录凭证已经用过，为了安全已退出登录，请重新登录"
SUBSCRIBE_UNKNOWN = "消息提醒的设置已更新，请重新打开小程序再订阅"
SUBSCRIBE_NOT_MINI = "请在小程序里订阅消息提醒"
WECHAT_SUBSCRIBE_FAILED = "微信消息提醒没有发出去"
JOB_SMS_QUEUED = "发送等待中的通知短信（夜间暂存的、发送失败重试的）"
JOB_SMS_RECEIPTS = "查询短信是否送达"
SMS_STATUS_LABELS = {"queued": "等待发送", "sent": "已发出", "delivered": "已送达", "failed": "没有发出"}
# Separate consent to an ID number (敏感个人信息, PIPL Art. 29): change the version with the text
ID_NUMBER_CONSENT_VERSION = "2026-12-07"
ID_NUMBER_CONSENT = ("身份证号是敏感个人信息。我同意平台用我的身份证号核对我是不是这户的业主："
                     "只用这一次，只存加密后的校验值，不存号码本身，不给别人看。")
ID_NUMBER_CONSENT_REQUIRED = "填身份证号前，请先勾选同意平台处理您的身份证号"
LEDGER_ID_CONSENT = ("台账里的身份证号是业主的敏感个人信息。我确认：这些号码来自房屋登记或业主本人，"
                     "业主已知道平台会用它认出同一位业主；平台只存加密后的校验值，不存号码本身。")
LEDGER_ID_CONSENT_REQUIRED = "这份台账有身份证号。导入前请先勾选确认身份证号的来源和用途"
CONSENT_OUTDATED = "同意的内容已经更新，请刷新页面后重新阅读再同意"
# What a consent was to, and how a person signed in (我的个人信息)
CONSENT_LABELS = {"rules": "个人信息处理规则", "id_number": "处理我的身份证号",
                  "ledger_id_numbers": "导入台账中的身份证号"}
SIGN_IN_LABELS = {"sms": "短信验证码", "wechat": "微信", "mini_program": "微信小程序",
                  "ticket": "小程序打开的链接", "web": "网页", "api": "应用"}
