"""What committees and residents read about estates, ledgers and flats."""
#: a resident's claim on a flat, by LinkStatus
CLAIM_STATUS = {"pending": "等待居委会审核", "verified": "已认证", "rejected": "没有通过",
                "revoked": "已取消"}
#: how a resident is related to a flat, by Relation
RELATIONS = {"owner": "业主（房主）", "tenant": "租户", "family": "家属"}
LEDGER_UNREADABLE = "文件无法读取，请上传 CSV 或 Excel（.xlsx）表格"
LEDGER_EMPTY = "表格里没有数据"
LEDGER_MISSING_COLUMNS = "表格第 {row} 行（表头）缺少这些列：{columns}，没有导入任何数据"
LEDGER_HAS_ERRORS = "表格有 {count} 处错误，没有导入任何数据。第一处：第 {row} 行「{column}」，{message}"
#: how a ledger column is called in messages (its usual Chinese header)
COLUMN_LABELS = {"building": "楼栋", "stairwell": "单元", "room": "房号", "floor": "楼层",
                 "area_m2": "建筑面积", "owner_name": "业主姓名", "owner_phone": "联系电话",
                 "owner_id_number": "身份证号"}
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
DUPLICATE_ROOM = "房号与第 {row} 行重复"
PHONE_INVALID = "手机号格式不对"
TOO_LONG = "内容太长，最多 {max} 个字"
CLAIM_EXISTS = "您已经申请过这一户，请等待审核"
CLAIM_NOT_PENDING = "这条申请已经处理过了"
FLAT_CODE_INVALID = "户码不对或已经用过，请向居委会确认"
FLAT_CODE_EXPIRED = "户码已过期，请向居委会重新领取"
MEMBER_ROLE = "角色只能是 committee（居委会/业委会）、moderator（版主）、designer（设计师）或 contractor（施工单位）"
