"""What the committee console and the street office's pages show, in plain short Chinese.

Templates read these as `m.NAME` like app/web/messages.py; the console scripts get
`CONSOLE_JS` as JSON in the page (id "console-messages").
"""
from app.projects.api import FUND_KIND_LABELS

# The confirmation before an act that cannot be undone or that everyone will see
CONFIRM_TITLE = "请确认"
CONFIRM_BACK = "再想想"
CONFIRM_LIFECYCLE = {
    "open": "开始后居民马上就能参加，题目和范围不能再改。确定开始吗？",
    "close": "截止后谁都不能再投票或改票，不能撤销。确定现在截止吗？",
    "publish": "公示后所有居民都能看到结果和回执名单，不能撤回。确定公示吗？",
}
CONFIRM_REBASE = "重新取台账后，本次表决按今天的台账计票（新录入的户参加，面积和业主按现在的记录）。有人投票后就不能再取。确定吗？"
CONFIRM_CLOSE_ROUND = "截止意愿征询后，谁都不能再表态或改变态度，不能撤销。确定现在截止吗？"
CONFIRM_ADVANCE = "进入“{stage}”后不能退回上一阶段，本单元居民会看到变化。确定吗？"
CONFIRM_ROTATE = "换码后这个单元的旧二维码马上失效，必须重新打印张贴。确定换码吗？"
CONFIRM_FLAT_CODES = "生成新户码后，以前发出、还没用的户码全部失效。确定生成吗？"
CONFIRM_HIDE = "隐藏后居民看不到这条发言的内容（可以恢复）。确定隐藏吗？"
CONFIRM_LOCK = "锁定后谁都不能再发言，直到解锁。确定锁定吗？"
CONFIRM_CLOSE_CASE = "结案后不能再讨论，结果会告诉相关住户，不能撤销。确定结案吗？"
CONFIRM_RESOLUTION = "发起表决后相关住户马上就能投票，题目不能再改。确定发起吗？"
CONFIRM_MEETING = "安排会议后会通知相关住户。确定安排吗？"

# The electorate: which ledger a vote counts on
REBASE = "重新取台账"
LEDGER_RULE = "投票开始后台账的变化（新录入的户、改过的面积、换了的业主）不计入本次表决。还没有人投票时，可以点“重新取台账”按今天的台账计票。"

# 代录纸质票: picking the flat, the receipt, the list of entered ballots
PICK_BUILDING = "楼栋"
PICK_STAIRWELL = "单元"
PICK_ROOM = "房号"
PICK_TYPE_ROOM = "或直接输入房号（如 402，或 1-1-402）"
PICK_NONE = "没有找到这个房号，请再看一下。"
PICK_MANY = "有 {n} 户是这个房号，请先选楼栋和单元。"
PICKED = "已选：{label}"
PICK_VOTED = "已有票"
NEXT_FLAT = "下一户"
ENTERED_TITLE = "已录入的纸质票、委托票"
ENTERED_NONE = "还没有录入过。"
COL_BALLOT_FLAT = "哪一户"
COL_CHANNEL = "方式"
COL_EVIDENCE = "凭证"
COL_WITNESS = "见证人电话"
COL_RECEIPT = "回执编号"
COL_ENTERED_AT = "录入时间"

# 一事一议 on the console
CONSOLE_CASE_NEW = "代居民发起一事一议"
CONSOLE_CASE_NEW_TEXT = "居民到居委会反映的问题、邻里纠纷，可以在这里代为发起。选中的单元的住户能看到并参加讨论。"
CASE_FIELD_TITLE = "标题"
CASE_FIELD_DESCRIPTION = "情况说明"
CASE_FIELD_STAIRWELLS = "涉及哪些单元（可多选）"
CASE_STAIRWELL_OPTION = "{label}（{n} 户）"
CASE_NO_FLATS = "请至少选一个单元。"
CASE_CREATE = "发起"
CASE_MANAGE = "管理"
CASE_RESIDENT_PAGE = "居民看到的页面"
CASE_STATUS_NOW = "现在：{status}"
MEETING_TITLE = "记录调解会议"
MEETING_TEXT = "会后记录时间、地点、参加的人和会议纪要，相关住户都能看到。"
MEETING_DATE = "日期"
MEETING_TIME = "时间"
MEETING_PLACE = "地点"
CONSOLE_MEETING_ATTENDEES = "参加的人（每行一位）"
CONSOLE_MEETING_MINUTES = "会议纪要"
CONSOLE_MEETING_AGREEMENT = "达成的协议（没有可不填）"
MEETING_SUBMIT = "保存会议记录"
MEETING_LINE = "{time} {place}"
MEETING_PEOPLE = "参加：{names}"
MEETING_AGREED = "协议：{text}"
MEETINGS_NONE = "还没有会议记录。"
SCHEDULE_TITLE = "安排调解会议"
SCHEDULE_TEXT = "提前定好时间、地点和议题，相关住户会在应用里收到通知。"
SCHEDULE_AGENDA = "议题"
SCHEDULE_SUBMIT = "安排会议并通知住户"
SCHEDULED_LINE = "已安排：{time} {place}"
SCHEDULED_AGENDA = "议题：{text}"
MINUTES_TITLE = "会后记录纪要和参加的人"
MINUTES_HELD_AT = "实际开会时间（和安排的一样可不改）"
MINUTES_SUBMIT = "保存纪要"
RECORD_HELD_TITLE = "记录已经开过的会议"
RESOLUTION_TITLE = "发起表决"
RESOLUTION_TEXT = "调解不成，或需要大家决定时，请涉及住户的业主表决。"
RESOLUTION_NAME = "表决的标题（可不填）"
RESOLUTION_PROPOSAL = "要表决的解决方案（写清楚做什么、谁出钱、什么时候做）"
RESOLUTION_RULE = "表决规则"
RESOLUTION_CLOSES = "截止日期（当天 23:59 截止）"
RESOLUTION_SUBMIT = "发起表决"
RESOLUTION_NOW = "表决：{title}"
RESOLUTION_MANAGE = "管理表决、代录纸质票"
CLOSE_TITLE = "结案"
CLOSE_OUTCOME = "处理结果（涉及的住户都能看到）"
CLOSE_SUBMIT = "结案"
CASE_CLOSED_TEXT = "已结案。处理结果：{outcome}"
MODERATION_TITLE = "需要处理的发言"
MODERATION_TEXT = "被举报的和已隐藏的发言排在前面。隐藏和恢复的原因大家都能看到。"
MODERATION_NONE = "还没有发言。"
MODERATION_REASON = "原因"
HIDDEN_NOW = "已隐藏（{by}）：{reason}"
HIDDEN_BY = {"reports": "多人举报后自动隐藏", "moderator": "版主隐藏"}
UNHIDE = "恢复"
UNHIDE_DEFAULT = "复核后没有问题，恢复显示"
LOCK = "锁定讨论"
UNLOCK = "解锁讨论"
LOCKED_NOW = "讨论已锁定。"
LOCK_DEFAULT = "讨论过于激烈，先暂停"
UNLOCK_DEFAULT = "恢复讨论"
MODERATION_LOG = "处理记录"
MODERATION_KINDS = {"hide": "隐藏", "unhide": "恢复", "auto_hide": "多人举报后自动隐藏",
                    "lock": "锁定", "unlock": "解锁"}
MODERATION_LOG_LINE = "{time} {kind}：{reason}"

# The street office's pages
STREET_TITLE = "街道总览"
STREET_NAV_RANKING = "改造排序"
STREET_NAV_ESTATES = "各小区进度"
STREET_RANKING = "老旧小区改造排序"
STREET_RANKING_TEXT = "按政策：2000 年底前建成、居民改造意愿强、参与积极性高的小区优先。每一项都写明了得分和依据。"
STREET_COL_ESTATE = "小区"
STREET_COL_RANK = "排名"
STREET_COL_SCORE = "总分"
STREET_COL_FLAGS = "需要关注"
STREET_RANK = "第 {rank} 名"
STREET_POINTS = "{points}/{max} 分"
STREET_OPEN_ESTATE = "进入小区"
STREET_NO_ESTATES = "没有小区。"
STREET_ESTATES = "各小区进度"
STREET_PHASE = "阶段"
STREET_ALL_PHASES = "全部"
STREET_FLAGGED = "{n} 个小区需要关注"
STREET_NO_FLAGS = "无"
STREET_ONLY_FLAGGED = "只看这些"

# Renovation projects, complaints and the fund on the console
NAV_PROJECTS = "改造项目"
#: the console's sections grouped by task: one short row of menus (each a <details>)
NAV_GROUP_VOTES = "表决"
NAV_GROUP_CASES = "议事"
NAV_GROUP_PROJECTS = "项目"
NAV_GROUP_COMANAGE = "资金与共管"
NAV_GROUP_RESIDENTS = "住户与台账"
NAV_COMPLAINTS = "投诉"
NAV_FUND = "维修资金"
PROJECTS_TITLE = "改造项目"
PROJECT_NEW = "新建改造项目"
PROJECT_NEW_TEXT = "内容表决通过后，按表决的结果建立项目。项目从“共谋”开始。"
PROJECT_FROM_VOTE = "依据的表决（已通过）"
PROJECT_NO_VOTE = "（不依据表决，先建立；进入共建前仍要有通过的内容表决）"
PROJECT_TITLE_FIELD = "项目名称"
CONSOLE_PROJECT_BUDGET = "预算（元）"
PROJECT_CREATE = "建立项目"
PROJECTS_NONE = "还没有改造项目。"
PROJECT_PHASE = "现在的阶段：{phase}"
PROJECT_ADVANCE = "进入下一阶段：{phase}"
CONFIRM_PROJECT_ADVANCE = "进入下一阶段后不能退回，居民会看到变化。确定吗？"
PROJECT_ITEMS = "改造内容"
PROJECT_ITEMS_TEXT = "每行一项。"
ITEM_CATEGORIES = {"basic": "基础类", "improvement": "完善类", "enhancement": "提升类"}
PROJECT_ITEMS_SAVE = "保存改造内容"
CONSOLE_PROJECT_FUNDING = "资金来源"
PROJECT_FUNDING_TEXT = "各方出资合计不能超过预算。"
PROJECT_FUNDING_SAVE = "保存资金来源"
PROJECT_UNFUNDED = "还差 {amount} 元没有着落"
PROGRESS_TITLE = "施工进展"
PROGRESS_ROLE = "发布人身份"
PROGRESS_ROLES = {"committee": "居委会", "designer": "设计师", "contractor": "施工方"}
PROGRESS_BODY = "进展说明"
PROGRESS_PHOTOS = "照片（最多 9 张）"
PROGRESS_SUBMIT = "发布进展"
PROGRESS_NONE = "还没有进展。"
SUPERVISION_TITLE = "居民监督反映"
CONSOLE_SUPERVISION_TEXT = "居民在现场看到的问题，可以直接答复；需要立案处理的，请转为投诉。"
SUPERVISION_ANSWERED = "居委会答复：{answer}"
SUPERVISION_ANSWER_LABEL = "答复这条反映"
SUPERVISION_ANSWER_SUBMIT = "发送答复"
SUPERVISION_ANSWER_AGAIN = "修改答复"
CONFIRM_SUPERVISION_ANSWER = "答复会和这条反映一起公开，反映的居民会收到通知。确定发送吗？"
CONSOLE_SUPERVISION_NONE = "还没有居民反映。"
EVALUATION_TITLE = "共评：居民评价"
EVALUATION_TEXT = "为每项改造内容生成 1–5 分的评价。建立后在“征询与投票”里开始。"
EVALUATION_CLOSES = "评价截止日期（当天 23:59）"
EVALUATION_START = "建立评价"
EVALUATION_IN_CO_EVALUATE = "项目进入共评阶段时自动开始效果评价。"
CONFIRM_EVALUATION = "建立评价后，会按现在的改造内容出题。确定建立吗？"
EVALUATION_SUMMARY = "平均分 {average}，满意度 {index}"
EVALUATION_FOLLOW_UP = "把低分项目转为整改事项"
CONSOLE_FOLLOW_UPS = "整改事项"
CONSOLE_FOLLOW_UPS_NONE = "没有整改事项。"
COMPLAINTS_TITLE = "投诉处理"
COMPLAINTS_TEXT = "按时答复：超期的排在前面并标红。"
CONSOLE_COMPLAINTS_NONE = "没有投诉。"
CONSOLE_COMPLAINT_DUE = "答复期限：{time}"
CONSOLE_COMPLAINT_OVERDUE = "⚠ 已超期"
CONSOLE_COMPLAINT_ANSWER = "答复内容（投诉人能看到）"
COMPLAINT_TAKE_UP = "开始处理"
COMPLAINT_REPLY = "答复"
COMPLAINT_CLOSE = "办结"
CONFIRM_COMPLAINT_CLOSE = "办结后这件投诉就结束了，不能再答复。确定办结吗？"
CONSOLE_COMPLAINT_ANONYMOUS = "匿名（只有居委会能看到是谁）"
FUND_TITLE = "维修资金账本"
CONSOLE_FUND_BALANCE = "余额：{amount} 元"
FUND_KINDS = FUND_KIND_LABELS
FUND_KIND = "类型"
FUND_AMOUNT = "金额（元）"
FUND_DATE = "日期"
FUND_MEMO = "说明"
FUND_DECISION = "依据的表决（使用、续筹时必填）"
FUND_SUBMIT = "记一笔"
CONFIRM_FUND = "记账后不能修改或删除，全体业主都能看到。确定记这一笔吗？"
CONSOLE_FUND_NONE = "还没有记录。"
COL_DATE = "日期"
COL_KIND = "类型"
COL_AMOUNT = "金额（元）"
COL_BALANCE = "余额（元）"
COL_MEMO = "说明"
COL_DECISION = "依据"
COL_COMPLAINT = "投诉"
COL_DUE = "期限"
MONEY_WRONG = "请填写金额，例如 1200 或 1200.50"

# Ledger import: check first (every bad row named), then import
LEDGER_CHECK = "检查表格"
LEDGER_PREVIEW = ("检查通过：导入后新增 {created} 户，更新 {updated} 户；台账里有、表格里没有的 {removed} 户保留不变。"
                  "现在还没有写入，请看下面的表格，确认无误再导入。")
#: the preview's tables (console_ledger.js): what was read, counted, skipped and would change
LEDGER_PREVIEW_WORDS = {
    "sheets": "读到的工作表", "sheet": "工作表", "flatsRead": "读到的户数", "headerRow": "表头在第几行",
    "columns": "认出的列", "column": "列", "header": "表格里的表头",
    "buildings": "各楼栋", "building": "楼栋", "flats": "户数", "owners": "业主人数（共有人算一人）",
    "area": "建筑面积合计（平方米）", "public": "公房", "coOwned": "共有",
    "several": "同一业主有几户（只算一人）", "owner": "业主", "matchedBy": "怎么认出是同一人", "homes": "房屋",
    "skipped": "没有导入的行", "row": "行", "reason": "原因",
    "added": "新增的户", "changed": "有改动的户", "removed": "台账里有、表格里没有的户（保留不变）",
    "flat": "房屋", "changes": "改动", "notes": "请注意", "more": "……共 {n} 条，只列出前 {shown} 条",
    "totals": "合计：{flats} 户，{owners} 位业主，建筑面积 {area_m2} 平方米",
}
LEDGER_PROBLEM = "工作表「{sheet}」第 {row} 行「{column}」：{message}"
LEDGER_BAD_ROWS = "有 {n} 处需要改正，改好后再检查。没有写入任何数据。"
LEDGER_IMPORT = "确认导入"
LEDGER_UPLOADING = "正在上传……"
LEDGER_UPLOAD_PERCENT = "正在上传：{percent}%"
LEDGER_CHECKING = "已上传，正在逐行检查，大表格要等一会儿……"
LEDGER_WRITING = "已上传，正在写入……"
CONFIRM_LEDGER = ("导入后台账按这个表格更新：已有房屋的面积、楼层和业主会改成表格里的，"
                  "表格里没有的房屋保留不变。确定导入吗？")

# Members and roles
NAV_MEMBERS = "成员"
MEMBERS_TITLE = "居委会成员和角色"
MEMBERS_TEXT = "居委会成员管理整个小区；版主处理一事一议的发言；设计师、施工方可以发布施工进展。"
MEMBER_ROLES = {"committee": "居委会", "moderator": "版主", "designer": "设计师", "contractor": "施工方"}
MEMBERS_NONE = "还没有成员。"
MEMBER_PHONE = "手机号"
MEMBER_ROLE = "角色"
MEMBER_NO_NAME = "未留姓名"
MEMBER_ADD = "添加"
MEMBER_ADDED = "已添加。"
COL_NAME = "姓名"
COL_PHONE = "手机号"
COL_ROLE = "角色"
COL_SINCE = "加入时间"

# Estates registered by the street office; QR codes of whole buildings
STREET_NEW_ESTATE = "登记一个小区"
STREET_ESTATE_NAME = "小区名称"
STREET_ESTATE_DISTRICT = "区"
STREET_ESTATE_STREET = "街道"
STREET_ESTATE_YEAR = "建成年份"
STREET_ESTATE_CREATE = "登记"
QR_PNG = "下载图片（PNG，打印用）"
QR_BUILDINGS = "整栋楼的二维码"
CONFIRM_ROTATE_BUILDING = "换码后这栋楼的旧二维码马上失效，必须重新打印张贴。确定换码吗？"

# Shown by the console scripts (console.js, console_ballots.js)
CONSOLE_JS = {
    "ledgerPreview": LEDGER_PREVIEW,
    "ledgerBadRows": LEDGER_BAD_ROWS,
    "ledgerProblem": LEDGER_PROBLEM,
    "ledgerWords": LEDGER_PREVIEW_WORDS,
    "uploadPercent": LEDGER_UPLOAD_PERCENT,
    "checking": LEDGER_CHECKING,
    "writing": LEDGER_WRITING,
    "pickNone": PICK_NONE,
    "pickMany": PICK_MANY,
    "picked": PICKED,
}

# The paper ballot photo as taken; QR codes' versions and scans; flat codes for some flats
PAPER_ORIGINAL = "看原照片"
QR_STATS = "第 {version} 版 · 扫码 {scans} 次"
QR_STATS_RETIRED = "（其中旧码 {retired} 次：旧海报还贴着）"
QR_LINK = "链接：{url}"
FLAT_CODES_SOME = "只给一个单元的部分户生成"
FLAT_CODES_SOME_TEXT = "业主丢了户码时用：选单元，勾选要重发的户，只有这些户的旧户码失效。"
FLAT_CODES_PICK = "选择单元"
FLAT_CODES_VERIFIED = "已登记"
FLAT_CODES_NONE_PICKED = "请至少勾选一户"
FLAT_CODES_SOME_SUBMIT = "给勾选的户生成并下载"
CONFIRM_FLAT_CODES_SOME = "勾选的户以前发出、还没用的户码会失效。确定生成吗？"
STREET_NAV_OPERATIONS = "运行状况"
STREET_NAV_APPROVALS = "审批"
STREET_NAV_TASKS = "超期事项"
STREET_NAV_CLASHES = "管线冲突"
STREET_NAV_REACH = "通知到位"
REACH_LINK = "发通知、看到位情况"
STREET_OPERATIONS = "平台运行状况"
OPS_JOBS = "定时任务"
OPS_COL_JOB = "任务"
OPS_COL_LAST = "上次运行"
OPS_COL_RESULT = "结果"
OPS_EVERY = "每 {minutes} 分钟"
OPS_NEVER = "还没有运行过"
OPS_OK = "正常"
OPS_FAILED = "出错"
OPS_RUNNING = "正在运行"
OPS_LATE = "有任务没有按时运行：请检查定时任务进程（flask jobs run）是否在运行。"
OPS_ALL_ON_TIME = "定时任务都在按时运行。"
OPS_SMS = "近 7 天的短信"
OPS_SMS_QUIET = "晚上 9 点到早上 8 点的通知短信先存着，早上 8 点以后再发；验证码随时发送。"
#: the console list and page: when a vote really closed (a vote closed early says so)
CLOSED_ACTUAL = "已于 {time} 截止"
CLOSED_EARLY = "{time} 提前截止（原定 {planned}）"
CONSOLE_CONTRIBUTIONS_LINK = "居民出资：应缴、收款和欠缴"
