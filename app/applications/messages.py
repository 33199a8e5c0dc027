"""What residents, committees and street staff read about applications, the reserve and plans."""
STATUS_LABELS = {"collecting": "征集支持中", "submitted": "已提交申报"}
#: what a count of supporters is counted in, by the application's support basis
SUPPORT_UNITS = {"flats": "户业主", "owners": "位业主"}
SUPPORT_BASIS_LABELS = {"flats": "按户计算（一人多户算多户）", "owners": "按业主人数计算（一人多户算一人）"}
SUPPORT_PROGRESS = "已有 {supported}/{total} {unit}支持（{percent}），需要 {threshold}（{threshold_percent}）以上"
SUPPORT_REACHED = "支持已达到申报要求：" + SUPPORT_PROGRESS
SUPPORT_MISSING = "还差 {missing} {unit}支持"
APPLICATION_EXISTS = "本小区已经有一份改造申报，请在那一份上支持"
NOT_COLLECTING = "这份申报已经提交，不再征集支持"
ALREADY_SUPPORTED = "这户已经支持过了（每户只算一次）"
ALREADY_SUPPORTED_HOW = "这户已经支持过了（每户只算一次）：{how}"
SUPPORTED_ONLINE = "{at} 由业主 {name} 在网上支持"
SUPPORTED_ON_PAPER = "{at} 由工作人员 {name} 录入（纸质签名）"
SUPPORT_CHANNEL_LABELS = {"online": "网上", "paper": "纸质"}
PHOTO_NEEDED = "请拍下签名的纸质支持表再上传"
SUPPORT_ENTERED_TITLE = "{room} 的改造申报支持已由他人录入"
SUPPORT_ENTERED_BODY = "{room} 对本小区改造申报的支持 {how}。如有误请联系居委会。"
NOT_OWNER = "只有这户经过核实的业主才能代表这户支持"
FLAT_NOT_HERE = "这户不在本小区"
BELOW_THRESHOLD = "支持还不够，不能提交：" + SUPPORT_PROGRESS + "，" + SUPPORT_MISSING
NOT_SUBMITTED = "小区还没有提交改造申报，不能入库"
ALREADY_RESERVED = "这个小区已经在储备库里"
NOT_IN_RESERVE = "这个小区还不在储备库里，请先入库"
ALREADY_PLANNED = "这个小区已经列入 {year} 年度计划"
WRONG_DISTRICT = "这个小区属于{estate_district}，不在{plan_district}的年度计划范围内"
OVER_CAPACITY = ("列入后合计 {total} 元，超过年度计划可承受的 {capacity} 元"
                 "（已用 {used} 元，本小区估算 {cost} 元，还剩 {remaining} 元）")
PLAN_EXISTS = "{district} {year} 年度计划已经建立"
PLAN_USAGE = "已用 {used} / {capacity} 元（{percent}）"
