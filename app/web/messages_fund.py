"""What the maintenance fund pages show (住宅专项维修资金, 分户账): the committee's fund page
with its scope picker and preview, and an owner's own sub-account. Plain short Chinese;
templates read these as `m.NAME`, the fund script gets FUND_JS."""
from app.projects.api import FUND_SHARE_LABELS
from app.rules.api import ITEMS, item_label

# What a consultation decides (民法典第二百七十八条), on its resident and console pages
CONSULTATION_ITEM = "表决事项：{item}"
CIVIL_CODE_ITEM_LABELS = {item: item_label(item) for item in ITEMS}

# An owner's own sub-account
MY_FUND = "我的维修资金"
MY_FUND_LINK = "我的维修资金分户账"
MY_FUND_TEXT = "维修资金按房屋面积记在每一户的分户账上。使用时，只从业主表决同意的范围内各户分摊。"
MY_FUND_NONE = "您还没有登记为业主的房屋。认领房屋并通过核实后，这里会显示您家的分户账。"
MY_FUND_AREA = "面积 {area} ㎡"
MY_FUND_BALANCE = "分户账余额"
MY_FUND_EMPTY = "这一户还没有维修资金记录。"
MY_FUND_KINDS = FUND_SHARE_LABELS
MY_FUND_LINE_BALANCE = "结余 {balance} 元"
MY_FUND_DECISION = "依据的表决"

# The committee's fund page
FUND_SCOPE = "分摊范围（列支范围）"
FUND_SCOPE_HELP = "费用按面积分摊到所选范围内每一户的分户账；使用或续筹时，表决范围必须和这里一致。"
FUND_SCOPES = {"estate": "全小区", "buildings": "按楼栋", "stairwells": "按单元", "flats": "按户"}
FUND_PICK_BUILDINGS = "选楼栋"
FUND_PICK_STAIRWELLS = "选单元"
FUND_PICK_FLATS = "选房屋"
FUND_DECISION_HELP = "使用维修资金要选民法典第二百七十八条第五项的表决，续筹要选第六项的表决，范围一致、已经通过。"
FUND_PREVIEW = "先看分摊"
FUND_PREVIEW_TITLE = "分摊预览"
FUND_PREVIEW_FIRST = "请先点“先看分摊”，核对每户的分摊后再记账。"
FUND_CONFIRM = "确认记账"
FUND_DECISION_OK = "表决依据符合要求：{item}，按“{rule}”表决通过。"
FUND_DECISION_NOT_NEEDED = "归集不需要表决。"
FUND_COL_FLAT = "房屋"
FUND_COL_AREA = "面积（㎡）"
FUND_COL_SHARE = "分摊（元）"
FUND_COL_BEFORE = "现余额（元）"
FUND_COL_AFTER = "记账后（元）"
FUND_COL_SCOPE = "范围"
FUND_SHORT_MARK = "余额不够"
FUND_ACCOUNTS = "各户分户账"
FUND_ACCOUNTS_TEXT = "每户余额之和就是上面的总余额。"

FUND_JS = {"scopes": FUND_SCOPES, "previewFirst": FUND_PREVIEW_FIRST, "decisionOk": FUND_DECISION_OK,
           "decisionNotNeeded": FUND_DECISION_NOT_NEEDED, "short": FUND_SHORT_MARK,
           "cols": [FUND_COL_FLAT, FUND_COL_AREA, FUND_COL_SHARE, FUND_COL_BEFORE, FUND_COL_AFTER]}
