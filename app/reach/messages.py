"""Every sentence of reach a person reads (committee console, street office, owners)."""
#: the kinds of notice a committee sends, as the console names them
KIND_LABELS = {"vote_opened": "开始表决", "closing_soon": "截止前提醒", "results": "结果公示",
               "meeting": "开会通知", "objection": "异议期通知"}
AUDIENCE_LABELS = {"all": "范围内全部业主", "not_voted": "还没有表决的业主"}
CHANNEL_LABELS = {"sms": "短信", "app": "应用内消息"}
VOTED_LABELS = {"online": "网上表决", "paper": "纸质表决", "assisted": "协助录入", "proxy": "委托代投"}
UNREACHABLE_NO_PHONE = "台账没有手机号"
UNREACHABLE_OPTED_OUT = "已退订短信"
UNREACHABLE_NO_CHANNEL = "没有选这个发送方式"
NOTICE_TITLE = "{kind}：{title}"
NOTICE_BODY = {
    "vote_opened": "“{title}”开始表决了，{closes_at} 截止，请点开参与。",
    "closing_soon": "“{title}”将在 {closes_at} 截止，请点开参与。",
    "results": "“{title}”的结果已经公示，请点开查看。",
    "meeting": "“{title}”将于 {time} 在{place}开会，请点开查看。",
    "objection": "“{title}”进入异议期，{until} 前可以提出异议，请点开查看。",
}
MEETING_NEEDS = "开会通知要写明时间和地点"
OBJECTION_NEEDS = "异议期通知要写明异议截止日期"
NOT_OPEN = "表决还没有开始，现在不能发这个通知"
NOT_PUBLISHED = "结果还没有公示，现在不能发这个通知"
NO_CHANNEL = "请至少选一种发送方式"
OVER_BUDGET = "本月短信预算不够：这次要 {need} 元，本月还剩 {left} 元。请减少人数，或请管理员调高预算"
LINK_INVALID = "这个链接不对或已经失效，请直接打开共治首页"
LINK_OTHER_PERSON = "这个链接是发给另一位业主的，请用收到短信的手机号登录"
OPT_OUT_WORDS = ("退订", "TD", "T", "N", "退")
OPTED_OUT = "已退订，以后不再收到通知短信（验证码照常发送）"
REPLY_REFUSED = "短信回执的口令不对"
JOB_REMIND_CLOSING = "截止前 24 小时提醒范围内还没有表决的业主（短信和应用内消息）"
REACH_TITLE = "通知到位情况"
