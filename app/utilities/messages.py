"""Every sentence a person reads about the utilities (专业经营单位)."""
#: who digs: the six utilities, and the renovation's own works (to plan them together)
PARTIES = {
    "power": "供电单位", "telecom": "通信单位", "water": "供水单位", "drainage": "排水单位",
    "gas": "燃气单位", "heating": "供热单位", "renovation": "改造施工单位",
}
#: the utilities alone: they put in money and hand over what they built
UTILITIES = {key: label for key, label in PARTIES.items() if key != "renovation"}
STATUS_LABELS = {"planned": "计划中", "in_progress": "施工中", "done": "已完工"}
STAGE_LABELS = {"committed": "承诺出资", "received": "已到账"}

PLACE_REQUIRED = "请填写路段，或选一个单元"
NOT_THIS_ESTATES_STAIRWELL = "这个单元不属于本小区"
ENDS_BEFORE_STARTS = "完工日期不能早于开工日期"
DATE_IN_FUTURE = "日期不能晚于今天"
HANDED_BEFORE_START = "移交日期不能早于这项工程开工"
NOT_THIS_PROJECTS_WORK = "这项工程不属于本项目"
RENOVATION_HANDS_OVER_NOTHING = "只有专业经营单位的工程需要验收移交"
ALREADY_HANDED_OVER = "这项工程已经移交过了"
RECORD_REQUIRED = "请上传签字的移交记录照片"
PHOTO_REQUIRED = "请上传现场照片"
#: a clash: the same place dug twice close together
CLASH = "{place}要挖两次：{first}，{second}（{when}）。请协调同期施工，只挖一次。"
#: the first work is already over: the place was just dug and mended; only the second can move
CLASH_AFTER_DONE = "{place}刚挖过又要挖：{first}已完工，{second}（{when}）。请尽量推迟或改线，或与路面修复一起安排。"
CLASH_OVERLAP = "时间重叠"
CLASH_GAP = "前后只隔 {days} 天"
CLASH_WORK = "{party}“{title}”{start}至{end}"
NO_CLASHES = "没有同一处重复开挖的安排。"

# pages
TITLE = "管线施工与专业经营单位"
TEXT = "供电、通信、供水、排水、燃气、供热各单位的管线工程，和改造施工排在一起；同一条路、同一个单元不挖两次。"
CLASHES_TITLE = "重复开挖提醒"
WORKS_TITLE = "管线工程安排"
NO_WORKS = "还没有登记管线工程。"
COL_PARTY = "单位"
COL_WORK = "工程"
COL_PLACE = "位置"
COL_DATES = "计划工期"
COL_STATUS = "进度"
NEW_WORK = "登记一项管线工程"
FIELD_PARTY = "施工单位"
FIELD_TITLE = "工程内容"
FIELD_ROAD = "路段（如：小区主路、3号楼北侧路）"
FIELD_STAIRWELL = "单元（楼内管线）"
NO_STAIRWELL = "（不在楼内）"
FIELD_STARTS = "计划开工"
FIELD_ENDS = "计划完工"
FIELD_STATUS = "进度"
SAVE = "保存"
MONEY_TITLE = "专业经营单位出资"
MONEY_TEXT = "各单位承诺和到账的钱；这里登记一次，项目资金公开表直接读取。"
NO_MONEY = "还没有登记出资。"
FIELD_UTILITY = "单位"
FIELD_STAGE = "类别"
FIELD_AMOUNT = "金额（元）"
FIELD_ON = "日期"
FIELD_DOCUMENT = "文件或凭证编号"
FIELD_NOTE = "说明"
ADD_MONEY = "登记出资"
#: asked before the money is written (filled in from the form)
CONFIRM_MONEY = "确认登记：{utility}{stage} {amount_cents} 元？登记后会在项目资金公开表上公示。"
HANDOVER_TITLE = "验收移交"
HANDOVER_TEXT = "工程完工验收后，设施交给谁管：签字的移交记录和现场照片都要上传。"
NO_HANDOVERS = "还没有移交记录。"
FIELD_WORK = "哪项工程"
FIELD_FACILITIES = "移交的设施（如：DN100 供水管 320 米、水表 48 块）"
FIELD_RECEIVER = "接收单位"
FIELD_HANDED_ON = "移交日期"
FIELD_RECORD = "签字的移交记录（照片）"
FIELD_PHOTO = "现场照片"
ADD_HANDOVER = "登记移交"
CONFIRM_HANDOVER = "确认登记移交：{work_id}，交给 {receiver}，移交日期 {handed_on}？请核对后再登记。"
SEE_RECORD = "看移交记录"
SEE_PHOTO = "看现场照片"
HANDED_OVER = "{date} 移交给 {receiver}"
STREET_TITLE = "管线重复开挖"
STREET_TEXT = "各小区同一条路或同一个单元，前后要挖两次的安排。"
