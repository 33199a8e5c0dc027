"""Every sentence of reach a person reads (committee console, street office, owners)."""
from app.consultations.api import CHANNEL_LABELS as VOTED_CHANNELS

#: the kinds of notice a committee sends, as the console names them
KIND_LABELS = {"vote_opened": "开始表决", "closing_soon": "截止前提醒", "results": "结果公示",
               "meeting": "开会通知", "objection": "异议期通知"}
AUDIENCE_LABELS = {"all": "范围内全部业主", "not_voted": "还没有表决的业主"}
SEND_CHANNEL_LABELS = {"sms": "短信", "app": "应用内消息"}
#: how a flat voted, in the consultations' words
VOTED_LABELS = VOTED_CHANNELS
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
# the pages: the console's notices and reach, the street office's reach, the SMS link
PAGE_TITLE = "通知和到位情况"
PAGE_INTRO = "给范围内每位业主发通知：注册了的收到应用内消息，没注册、台账有手机号的收到短信。每人只收一条。"
SEND_TITLE = "发通知"
FIELD_KIND = "通知内容"
FIELD_AUDIENCE = "发给谁"
FIELD_CHANNELS = "怎么发"
FIELD_TIME = "开会时间（如 12月20日 19:00）"
FIELD_PLACE = "开会地点"
FIELD_UNTIL = "异议截止（如 12月30日）"
PREVIEW = "先看看会发给多少人"
SEND = "确认发送"
SEND_CONFIRM = "确认给这些业主发通知吗？发出后不能撤回。"
PREVIEW_RESULT = "共 {recipients} 人：短信 {sms} 人，应用内消息 {app} 人；联系不上 {unreachable} 户；短信约 {cost} 元"
SENT_RESULT = "已发出：短信 {sms} 人（夜间 21:00–8:00 的短信早上 8 点再发），应用内消息 {app} 人"
UNREACHABLE_TITLE = "联系不上的户（需要上门或贴通知）"
BUDGET_LINE = "本月短信预算还剩 {left} 元"
SENT_TITLE = "已发的通知"
SENT_ROW = "{at} {kind}：短信 {sms} 人，应用内 {app} 人，花费 {cost} 元"
NONE_SENT = "还没有发过通知"
REACH_INTRO = "按单元统计（以户计）。最缺的排在前面，志愿者先去这些单元敲门。"
REACH_COLUMNS = {"name": "单元", "flats": "户数", "owners": "有业主", "with_phone": "有手机号",
                 "registered": "已注册", "notified": "已通知", "opened": "点开链接",
                 "voted": "已表决", "not_voted": "未表决", "not_reached": "还没通知到"}
REACH_TOTAL = "合计"
REACH_PEOPLE = "业主 {people} 人（一人多套只算一人）"
VOTED_BAR = "已表决 {voted} / {flats} 户"
STREET_TITLE = "各小区表决的到位情况"
STREET_INTRO = "正在表决的事项：每个小区通知到了多少户、多少户已经表决。"
STREET_NONE = "现在没有正在表决的事项"
STREET_COLUMNS = {"estate": "小区", "title": "表决事项", "flats": "户数", "notified": "已通知",
                  "voted": "已表决", "not_reached": "还没通知到"}
LINK_TITLE = "参与表决"
LINK_OPENING = "正在打开……"
LINK_CODE_INTRO = "为了确认是您本人，我们会给 {phone} 发一个验证码。"
LINK_SEND_CODE = "发验证码"
LINK_CODE = "验证码"
LINK_GO = "确认，去表决"
LINK_SENT = "验证码已发到 {phone}"
SMS_SETTING = "通知短信"
SMS_SETTING_OFF = "不再给我发通知短信（验证码照常发送）"
SMS_SETTING_ON = "照常给我发通知短信"
SMS_SETTING_SAVE = "保存"
OPT_OUT_TITLE = "登记退订短信"
OPT_OUT_HINT = "业主当面或电话说不要再收通知短信的，在这里登记手机号。"
OPT_OUT_PHONE = "业主手机号"
OPT_OUT_SAVE = "保存"
BUDGET_FIELD = "本小区每月短信预算（元，街道设置）"
