"""What committees and residents read about estates, ledgers and flats."""
#: a resident's claim on a flat, by LinkStatus
CLAIM_STATUS = {"pending": "等待居委会审核", "verified": "已认证", "rejected": "没有通过",
                "revoked": "已取消"}
#: how a resident is related to a flat, by Relation
RELATIONS = {"owner": "业主（房主）", "tenant": "租户", "family": "家属"}
LEDGER_UNREADABLE = "文件无法读取，请上传 Excel 表格（.xlsx 或 .xls）或 CSV 文件"
LEDGER_EMPTY = "表格里没有数据"
LEDGER_MISSING_COLUMNS = "没有找到表头：工作表「{sheet}」第 {row} 行最接近，但缺少这些列：{columns}。没有导入任何数据"
LEDGER_HAS_ERRORS = "表格有 {count} 处错误，没有导入任何数据。第一处：工作表「{sheet}」第 {row} 行「{column}」，{message}"
#: how a ledger column is called in messages (its usual Chinese header)
COLUMN_LABELS = {"building": "楼栋", "stairwell": "单元", "room": "房号", "floor": "楼层",
                 "area_m2": "建筑面积", "address": "房屋坐落", "owner_name": "产权人（业主）",
                 "co_owners": "共有人", "owner_phone": "联系电话", "owner_id_number": "证件号码",
                 "property_kind": "产权性质", "property_unit": "产权单位", "tenant": "承租人",
                 "certificate": "不动产权证号"}
ROW = "第 {row} 行"
SHEET_ROW = "工作表「{sheet}」第 {row} 行"
SHEET_NO_HEADER = "这张工作表没有找到台账的表头，没有读取"
SKIPPED_BLANK = "空行"
SKIPPED_TOTAL = "合计行"
SKIPPED_NOT_FLAT = "没有房号、地址和面积，不是一户房屋（例如备注或签字行）"
ADDRESS_UNREADABLE = "看不出楼号、单元和房号，请写成“3号楼2单元301室”或“3-2-301”"
FLOOR_UNKNOWN = "没有楼层，房号也看不出楼层，请填写所在层"
PUBLIC_NEEDS_UNIT = "公房要填写产权单位"
LEDGER_ROW_ERROR = "第 {row} 行「{column}」：{message}"
LEDGER_BUSY = "同时有另一份台账在导入，请稍后再试"
LEDGER_TOO_MANY_ROWS = "一次最多导入 {max} 行"
LEDGER_UNPACKED_TOO_LARGE = "表格文件解压后太大（超过 {max_mb} MB），请只保留台账这一张表，另存后再上传"
LEDGER_TOO_MANY_PARTS = "表格文件解压后包含的部分太多（超过 {max} 个），请只保留台账这一张表，另存后再上传"
LEDGER_TOO_MANY_SHEET_ROWS = "表格的行数太多（连同空行超过 {max} 行），请删去多余的行后再上传"
COLUMN_MISSING = "缺少这一列"
EMPTY = "不能为空"
FLOOR_NOT_INT = "楼层应为整数"
FLOOR_RANGE = "楼层应在 -5 到 200 之间"
AREA_NOT_NUMBER = "面积应为数字，例如 63.50"
AREA_NOT_POSITIVE = "面积要大于 0"
AREA_PLACES = "面积最多两位小数"
AREA_TOO_LARGE = "面积太大，请检查"
DUPLICATE_ROOM = "房号与{where}重复"
PHONE_INVALID = "电话号码格式不对，手机填 11 位，座机如 010-64012345"
TOO_LONG = "内容太长，最多 {max} 个字"
CLAIM_EXISTS = "您已经申请过这一户，请等待审核"
CLAIM_NOT_PENDING = "这条申请已经处理过了"
FLAT_CODE_INVALID = "户码不对或已经用过，请向居委会确认"
FLAT_CODE_EXPIRED = "户码已过期，请向居委会重新领取"
MEMBER_ROLE = "角色只能是 committee（居委会/业委会）、moderator（版主）、designer（设计师）或 contractor（施工单位）"
MATCH_BY_ID = "证件号码相同"
MATCH_BY_NAME_PHONE = "姓名和电话相同"
MATCH_BY_UNIT = "产权单位名称相同"
CHANGE_FLOOR = "楼层 {old} → {new}"
CHANGE_AREA = "面积 {old} → {new} 平方米"
CHANGE_OWNER = "业主 {old} → {new}"
CHANGE_OWNER_CONTACT = "业主姓名或电话有改动"
NOTE_FLOOR_FROM_ROOM = "工作表「{sheet}」没有楼层列，楼层按房号推算（301 在 3 层，1502 在 15 层）"
NOTE_BUILDING_FROM_SHEET = "工作表「{sheet}」没有楼栋列，楼栋按工作表名称"
