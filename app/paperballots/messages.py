"""Every sentence an owner or committee member reads about paper ballots (纸质表决票)."""

# On the printed sheet
SHEET_HEADING = "纸质表决票"
SHEET_OWNER = "业主：{name}"
SHEET_NO_OWNER = "业主：（台账未登记）"
SHEET_ROOM = "{building} {stairwell} {room} 室"
SHEET_HOW = ("请用黑色或蓝色笔在选中的方框里打 √ 或 ×，每行只选一个。",
             "写错了请告诉居委会，另领一张。不要折叠二维码和四角的黑块。")
SHEET_SINGLE = "（只选一项）"
SHEET_MULTIPLE = "（可选多项）"
SHEET_SCALE = "（1 = {low}，5 = {high}）"
SHEET_WHEN = "（上一题选{options}的才填）"
SHEET_TEXT_NOT_ON_PAPER = "这道题需要写字，纸质票上不填。请在手机上填写，或告诉居委会工作人员帮您记下。"
SHEET_CONTINUED = "（接上页）"
SHEET_FOOTER = "第 {page}/{pages} 页　票面版本 {version}"
SHEET_SIGN = "业主签名：____________　　日期：________"

# Refusals of a scan
NOT_A_BALLOT_SHEET = "没有认出表决票：请把整张票拍清楚，四角的黑块和右上角的二维码都要拍进去。"
WRONG_CONSULTATION = "这张表决票属于另一项征询，请换到对应的征询里上传。"
OUTDATED_SHEET = "这张表决票是旧版本，征询的问题已经改过，请给业主重新打印一张。"
FILE_TOO_LARGE = "文件太大了，请不要超过 {max_mb} MB。"
TOO_MANY_PIXELS = "照片像素太多了，请用普通的手机照片。"
TOO_MANY_PAGES = "PDF 页数太多了，一次最多 {max_pages} 页。"
UNSUPPORTED_FILE = "只能上传照片（JPG、PNG）或扫描的 PDF。"
SCAN_FAILED = "读取扫描件时出错，请重新拍一张。"
FLAT_NOT_IN_SCOPE = "这张表决票上的房屋不在本次征询的范围内。"
STAIRWELL_NOT_IN_SCOPE = "这个单元不在本次征询的范围内。"

# Confirming
SCAN_NOT_DRAFT = "这张扫描件已经处理过了。"
OWNER_VOTED_ONLINE = "业主本人已经在手机上投过票，按规则以本人的网上投票为准，纸质票不再录入。"
EVIDENCE = "纸质表决票扫描件 #{scan_id}（{pages}）"
REJECTED_REASON_REQUIRED = "请写明不采用的原因"

# Statuses, for the console
STATUS_LABELS = {"draft": "待确认", "confirmed": "已确认", "rejected": "不采用"}
