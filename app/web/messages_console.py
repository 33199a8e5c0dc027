"""What the committee console and the street office's pages show, in plain short Chinese.

Templates read these as `m.NAME` like app/web/messages.py; the console scripts get
`CONSOLE_JS` as JSON in the page (id "console-messages").
"""
# The confirmation before an act that cannot be undone or that everyone will see
CONFIRM_TITLE = "请确认"
CONFIRM_BACK = "再想想"
CONFIRM_LIFECYCLE = {
    "open": "开始后居民马上就能参加，题目和范围不能再改。确定开始吗？",
    "close": "截止后谁都不能再投票或改票，不能撤销。确定现在截止吗？",
    "publish": "公示后所有居民都能看到结果和回执名单，不能撤回。确定公示吗？",
}
CONFIRM_CLOSE_ROUND = "截止意愿征询后，谁都不能再表态或改变态度，不能撤销。确定现在截止吗？"
CONFIRM_ADVANCE = "进入“{stage}”后不能退回上一阶段，本单元居民会看到变化。确定吗？"
CONFIRM_ROTATE = "换码后这个单元的旧二维码马上失效，必须重新打印张贴。确定换码吗？"
CONFIRM_FLAT_CODES = "生成新户码后，以前发出、还没用的户码全部失效。确定生成吗？"
CONFIRM_HIDE = "隐藏后居民看不到这条发言的内容（可以恢复）。确定隐藏吗？"
CONFIRM_LOCK = "锁定后谁都不能再发言，直到解锁。确定锁定吗？"
CONFIRM_CLOSE_CASE = "结案后不能再讨论，结果会告诉相关住户，不能撤销。确定结案吗？"
CONFIRM_RESOLUTION = "发起表决后相关住户马上就能投票，题目不能再改。确定发起吗？"
CONFIRM_MEETING = "安排会议后会通知相关住户。确定安排吗？"

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

# Shown by the console scripts
CONSOLE_JS = {
    "pickNone": PICK_NONE,
    "pickMany": PICK_MANY,
    "picked": PICKED,
}

# 一事一议 on the console
CASE_NEW = "代居民发起一事一议"
CASE_NEW_TEXT = "居民到居委会反映的问题、邻里纠纷，可以在这里代为发起。选中的单元的住户能看到并参加讨论。"
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
MEETING_ATTENDEES = "参加的人（每行一位）"
MEETING_MINUTES = "会议纪要"
MEETING_AGREEMENT = "达成的协议（没有可不填）"
MEETING_SUBMIT = "保存会议记录"
MEETING_LINE = "{time} {place}"
MEETING_PEOPLE = "参加：{names}"
MEETING_AGREED = "协议：{text}"
MEETINGS_NONE = "还没有会议记录。"
RESOLUTION_TITLE = "发起表决"
RESOLUTION_TEXT = "调解不成，或需要大家决定时，请涉及住户的业主表决。"
RESOLUTION_NAME = "表决的标题（可不填）"
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
