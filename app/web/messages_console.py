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
