"""What the resident pages show: vote steps and review, 待办 and 我的记录,
tenants, published results, and the shared feedback words. Plain short Chinese.

Templates read these as `m.NAME` like app/web/messages.py; the scripts get `JS` merged
into the page's message JSON (see app/web/pages.py).
"""
from app.public.api import SATISFACTION_HOW
from app.projects.api import FUND_KIND_LABELS

# Home: 待办 and 我的记录
TODO = "待办"
TODO_NONE = "现在没有需要您处理的事。"
TODO_VOTE = "去投票"
TODO_ANSWER = "去填写"
#: money a household still has to pay for a project (居民出资), on the home page's 待办
TODO_PAY_TITLE = "要交的钱：{charges}"
TODO_PAY_DUE = "您家还要交 {amount} 元"
TODO_PAY = "看怎么交"
VIEW_ITEM = "查看"
OPEN_ALL_IN_TODO = "需要您参加的都在上面的待办里。"
TENANT_CAN = "本次由业主参加。您是{relation}，可以查看进展和结果，参加讨论。"
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
CANNOT_VOTE_TENANT = "本次由业主参加（业主可以委托家人）。您是{relation}，可以查看进展和结果。"
VOTE_FIX_AT = "第 {n} 题“{title}”没有答好，请看红字提示。"
VOTE_FIX_JUMP = "去改这一题"
ELEVATOR_CONSENT_SHARE = "这是加装电梯的意愿征询。{room} 应分摊 {amount} 元。"
ELEVATOR_CONSENT_ZERO = "这是加装电梯的意愿征询。{room} 不需要分摊费用。"
ELEVATOR_CONSENT_LINK = "看电梯方案、费用怎么算"
ROUND_CLOSED_LIVE = "投票已经截止，不能再提交了。"
CONSULTATION_CLOSED_AT = "已于 {time} 截止"
RESOLUTION_CLOSED = "投票已截止，点下面看表决结果。"
#: where the form was, once the round is over: what happened, and what one can still do
ROUND_OVER = {"draft": "本次征询还是草稿，还没有开始。", "closed": "投票已截止，结果公示后可以核对回执。",
              "published": "投票已截止，结果已公示。您可以在下面核对回执、查看结果。"}
#: closed, not yet published, and the results are already on the page below
ROUND_OVER_SHOWN = "已经截止，统计结果在下面。正式公示后，还可以在公示名单里核对您的回执。"

# Steps and review (long votes)
STEP_OF = "第 {n} 步，共 {total} 步：{title}"
STEP_NEXT = "下一步"
STEP_BACK = "上一步"
STEP_REVIEW = "检查我的选择"
REVIEW_TITLE = "提交前请检查"
REVIEW_ITEMS = "{title}：同意 {agree} 项、反对 {oppose} 项、弃权 {abstain} 项、未选 {blank} 项（按弃权计）"
REVIEW_ANSWER = "{title}：{answer}"
REVIEW_BLANK = "没有回答"
REVIEW_CONFIRM = "确认提交"
REVIEW_EDIT = "返回修改"
#: a stepped ballot just accepted: what the person sent, not step 1 again
REVIEW_SUBMITTED = "您已提交。下面是您的选择"
REVIEW_CHANGE = "我要修改"

# Elevator page, for a tenant or family member
ELEVATOR_OBJECTION_WITHDRAW = "撤回我的异议"
ELEVATOR_TENANT = "加装电梯由本单元业主决定、分摊费用。您是{relation}，不需要分摊；可以查看进展，有意见可以在讨论里说。"

# Home: more of what a resident can do
LOADING = "正在加载…"
VIEW = "查看"
NOTIFICATIONS = "消息通知"
NOTIFICATIONS_UNREAD = "{n} 条未读"
PROJECTS = "改造项目"
GREEN_LINK = "绿色社区创建进度"
COORDINATION_LINK = "联席会议与责任清单"
COMPLAINTS = "投诉举报"
CASE_NEW = "发起一事一议"
PROXIES = "家人代投"
MY_DATA = "我的数据"

# Notifications
NOTIFICATIONS_NONE = "还没有消息。"
UNREAD = "未读"

# Family proxies
PROXIES_TEXT = "您不方便用手机时，可以委托家人替您家投票。家人用自己的手机号登录后就能为这一户投票；您自己投的票总是优先。"
PROXIES_NONE = "只有经过核实的业主才能委托家人。"
PROXIES_NONE_YET = "还没有委托家人。"
PROXY_PHONE = "家人的手机号"
PROXY_ADD = "委托这位家人"
PROXY_ADDED = "已委托。家人登录后就能为这一户投票。"
PROXY_LINE = "家人 {phone}（{time} 委托）"
PROXY_REVOKE = "取消委托"
PROXY_REVOKE_CONFIRM = "再点一次：取消后这位家人不能再为您家投票"

# My data
EXPORT_TITLE = "下载我的数据"
EXPORT_TEXT = "包括您的账号、房屋登记、投票回执、发言和消息。下载的是一个数据文件，手机上可能打不开，可以交给家人或居委会帮您查看。"
EXPORT_DOWNLOAD = "下载我的数据"
LOGOUT_EVERYWHERE_TITLE = "在所有手机和电脑上退出"
LOGOUT_EVERYWHERE_TEXT = "手机丢了或在别人的设备上登录过？点下面的按钮，所有设备都会退出登录，您需要重新用验证码登录。"
LOGOUT_EVERYWHERE = "全部退出登录"
LOGOUT_EVERYWHERE_CONFIRM = "确定吗？所有手机和电脑都会退出登录，包括这一台，之后要重新用验证码登录。"
LOGOUT_EVERYWHERE_YES = "确定退出"
# /enter/<ticket> where another account is signed in: ask before switching
ENTER_ACCOUNT = "{name}（{phone}）"
ENTER_ACCOUNT_UNNAMED = "未留姓名的账号"
ENTER_SWITCH_TITLE = "切换到{other}的账号？"
ENTER_SWITCH_TEXT = ("这个手机现在登录的是{current}。您打开的链接属于{other}。"
                     "如果这个链接不是您自己从小程序打开的，请不要切换。")
ENTER_SWITCH_YES = "切换到{other}"
ENTER_STAY = "不切换，继续用{current}"
DELETE_TITLE = "注销账号"
DELETE_TEXT = "注销后，您的手机号、姓名和房屋登记都会删除，不能再登录这个账号。"
DELETE_START = "我要注销账号"
DELETE_CONFIRM_TEXT = ("确定注销吗？注销后不能恢复：您将退出登录，房屋登记作废，以后要重新登记、等居委会审核。"
                       "您已经投的票和发言会保留（不再显示您的信息），已公示的结果不变。")
DELETE_YES = "确定注销"

# Projects and complaints
PROJECTS_NONE = "还没有改造项目。"
PROJECT_PHASE = "现在的阶段：{phase}"
PHASE_SINCE = "{phase}（{time} 开始）"
PROJECT_ITEMS = "改造内容"
PROJECT_ITEMS_NONE = "还没有确定改造内容。"
#: the project page's money: the budget, then the public money table (app.funding)
PROJECT_FUNDING = "资金"
PROJECT_BUDGET_ONLY = "预算 {budget} 元"
PROJECT_BUDGET_UNRECORDED = "预算 {budget} 元，各方出资还没有登记"
PROGRESS = "施工进展"
PROGRESS_NONE = "还没有进展。"
PROGRESS_PHOTO = "施工照片"
EVALUATIONS = "改造效果评价"
EVALUATIONS_NONE = "还没有开始评价。"
EVALUATION_ANSWER = "去评价"
EVALUATION_INDEX = "满意度 {index} 分（百分制：平均 {average} 分，满分 5 分）"
#: how the satisfaction index is computed from the 1–5 answers, in plain words
EVALUATION_HOW = SATISFACTION_HOW + "例如平均 4 分，满意度是 75 分。"
EVALUATION_LINE = "{title}（平均 {average} 分）"
EVALUATION_NO_ANSWERS = "还没有人评价。"
SUPERVISION = "居民监督"
SUPERVISION_TEXT = "看到施工质量、安全或进度的问题，可以写在这里，居委会和施工方都能看到。"
SUPERVISION_NONE = "还没有监督记录。"
SUPERVISION_LINE = "{time}：{body}"
SUPERVISION_WRITE = "我看到的问题"
SUPERVISION_SUBMIT = "提交监督记录"
SUPERVISION_SENT = "已提交，谢谢您的监督。"
COMPLAIN_ABOUT = "对这个项目投诉"
COMPLAINT_NEW = "我要投诉"
COMPLAINT_TITLE = "简单说是什么事"
COMPLAINT_BODY = "具体情况（时间、地点、经过）"
COMPLAINT_ANONYMOUS = "匿名（别的居民看不到是谁投诉的，居委会能看到）"
COMPLAINT_SUBMIT = "提交投诉"
COMPLAINT_SENT = "已受理，居委会会在 {time} 前答复。"
MY_COMPLAINTS = "我的投诉"
COMPLAINTS_NONE = "您还没有投诉。"
COMPLAINTS_NONE_ESTATE = "还没有人投诉。"
COMPLAINT_DUE = "{time} 前答复"
COMPLAINT_OVERDUE = "已超过答复期限（{time}）"
COMPLAINT_ANSWER = "答复：{answer}"
FUND = "维修资金"
FUND_BALANCE = "结余 {balance} 元"
FUND_LINE = "{date} {kind} {amount} 元：{memo}"
FUND_KINDS = FUND_KIND_LABELS
FUND_NONE = "还没有维修资金记录。"
FOLLOW_UPS = "整改跟进"
FOLLOW_UPS_NONE = "没有需要整改的项目。"
ESTATE_COMPLAINTS = "大家的投诉"

# Opening a case; its meetings and resolution
CASE_NEW_TEXT = "涉及日照、占用绿地、加装电梯等需要相关住户商量的事，可以发起一事一议，居委会会组织讨论和调解。"
CASE_NEW_TITLE = "事情的标题"
CASE_NEW_DESCRIPTION = "事情的经过和您的诉求"
CASE_NEW_FLATS = "涉及哪些住户"
CASE_NEW_FLATS_HINT = "先选楼栋，再选单元，再勾选房号；可以选多个单元。"
CASE_PICKED = "已选 {n} 户：{rooms}"
CASE_PICKED_NONE = "还没有选住户。"
CASE_NEW_SUBMIT = "发起"
CASE_RESOLUTION_TITLE = "表决"
CASE_RESOLUTION_RESULT = "看表决结果"
MEETING_ATTENDEES = "参加：{names}"
MEETING_MINUTES = "会议记录：{text}"
MEETING_AGENDA = "议题：{text}"
MEETING_AHEAD = "会议还没开，欢迎按时参加。"
MEETING_AGREEMENT = "达成的意见：{text}"

# A case's discussion: editing one's own post, its earlier texts, the moderation log
POST_EDIT = "修改"
POST_EDITED = "（已修改）"
POST_REVISIONS = "修改记录"
POST_EDIT_SAVE = "保存修改"
POST_EDIT_CANCEL = "不改了"
POST_EDIT_LABEL = "修改这条发言"
REVISIONS_NONE = "没有更早的版本。"
REVISION_LINE = "{time} 写的原文：{body}"
CASE_MODERATION_LOG = "版主处理记录（{n} 条）"
CASE_MODERATION_TEXT = "隐藏、恢复、锁定讨论都留有记录，原因大家都能看到。"
CASE_MODERATE = "版主管理：看举报原因、恢复发言、锁定讨论"
CASE_NEWS_MEETING = "居委会安排了一次调解会议。"
CASE_NEWS_RESOLUTION = "表决已经开始。"
CASE_NEWS_RELOAD = "刷新看看"

# Sunlight analyses (日照分析)
SUN_LIST_TITLE = "日照分析"
SUN_LIST_TEXT = "{estate}加装电梯、新建设施前算的日照：每扇窗新建前后各有几小时日照，是否符合国家标准。"
SUN_ANALYSIS_TITLE = "日照分析（{day}，{n} 扇窗）"
SUN_OPEN_CASE = "查看相关的一事一议"
SUN_OPEN_ELEVATOR = "查看加装电梯项目"
SUN_MINE = "您家"
SUN_CHART_ALT = "平面图和影子，下方黄色是各窗户有日照的时段"
SUN_ALL = "看全部窗户"
SUN_FULL_CHART = "看全部窗户的日照图（可放大）"
#: the picture's colours in words beside it (read in elder mode's large type, unlike the PNG's)
SUN_LEGEND_TITLE = "图上的颜色"
SUN_LEGEND = (("buildings", "灰色：现有的楼"), ("proposed", "橙色：新建的设施（浅橙是它的影子）"),
              ("shadow", "蓝灰色：上午、中午、下午三个时刻的影子"), ("sun", "黄色：窗户有日照的时段"),
              ("window", "红点：您家的窗户"))

# Scripts
JS = {
    "postEdit": POST_EDIT,
    "postEdited": POST_EDITED,
    "postRevisions": POST_REVISIONS,
    "postEditSave": POST_EDIT_SAVE,
    "postEditCancel": POST_EDIT_CANCEL,
    "postEditLabel": POST_EDIT_LABEL,
    "revisionsNone": REVISIONS_NONE,
    "revisionLine": REVISION_LINE,
    "caseNewsMeeting": CASE_NEWS_MEETING,
    "caseNewsResolution": CASE_NEWS_RESOLUTION,
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
    "reviewSubmitted": REVIEW_SUBMITTED,
    "reviewChange": REVIEW_CHANGE,
    "roundClosedLive": ROUND_CLOSED_LIVE,
    "view": VIEW,
    "notificationsNone": NOTIFICATIONS_NONE,
    "unread": UNREAD,
    "proxiesNoneYet": PROXIES_NONE_YET,
    "proxyAdded": PROXY_ADDED,
    "proxyLine": PROXY_LINE,
    "proxyRevoke": PROXY_REVOKE,
    "proxyRevokeConfirm": PROXY_REVOKE_CONFIRM,
    "projectsNone": PROJECTS_NONE,
    "projectPhase": PROJECT_PHASE,
    "phaseSince": PHASE_SINCE,
    "projectItems": PROJECT_ITEMS,
    "projectItemsNone": PROJECT_ITEMS_NONE,
    "progressNone": PROGRESS_NONE,
    "progressPhoto": PROGRESS_PHOTO,
    "supervisionNone": SUPERVISION_NONE,
    "supervisionLine": SUPERVISION_LINE,
    "supervisionSent": SUPERVISION_SENT,
    "evaluationIndex": EVALUATION_INDEX,
    "evaluationHow": EVALUATION_HOW,
    "evaluationLine": EVALUATION_LINE,
    "evaluationNoAnswers": EVALUATION_NO_ANSWERS,
    "complaintsNone": COMPLAINTS_NONE,
    "complaintsNoneEstate": COMPLAINTS_NONE_ESTATE,
    "complaintDue": COMPLAINT_DUE,
    "complaintOverdue": COMPLAINT_OVERDUE,
    "complaintAnswer": COMPLAINT_ANSWER,
    "complaintSent": COMPLAINT_SENT,
    "casePicked": CASE_PICKED,
    "fundBalance": FUND_BALANCE,
    "fundLine": FUND_LINE,
    "fundKinds": FUND_KINDS,
    "fundNone": FUND_NONE,
    "followUpsNone": FOLLOW_UPS_NONE,
    "casePickedNone": CASE_PICKED_NONE,
}

#: the readable export (我的个人信息, app/web/my_data.py) from the account page
MY_DATA_READABLE = "看看保存了我的哪些信息（可下载 PDF）"
CONTRIBUTIONS_LINK = "居民出资：我家要交多少、交了多少"
PUBLIC_MONEY_LINK = "这个项目的钱从哪来、花在哪（公开）"
