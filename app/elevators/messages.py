"""What owners and committee members read about elevator projects."""
# Stages, as residents name them
STAGE_LABELS = {
    "proposed": "提出申请",
    "consent": "意愿征询",
    "publicity": "方案公示",
    "signing": "协议签署",
    "permit": "审批",
    "construction": "施工",
    "acceptance": "验收",
    "operating": "运维",
}

# Cost input
COST_NEGATIVE = "总造价不能为负数"
SUBSIDY_NEGATIVE = "补贴不能为负数"
SUBSIDY_TOO_LARGE = "补贴不能超过总造价"
PUBLICITY_DAYS = "公示天数至少为 1 天"
NO_FLATS = "这个单元还没有住户信息，请先导入台账"
FLOOR_NOT_NUMBER = "楼层应为整数，例如 \"2\""
FLOOR_MISSING = "该单元没有 {floor} 楼，不能为它设置系数"
COEFFICIENT_INVALID = "系数应为数字，例如 \"0.4\""
COEFFICIENT_NEGATIVE = "系数不能为负数"
COEFFICIENT_PLACES = "系数最多 4 位小数"
COEFFICIENT_TOO_LARGE = "系数太大，请检查"
COEFFICIENT_NEEDED = "缺少 {floors} 楼的系数"
ALL_ZERO = "所有住户的分摊系数都是 0，费用无法分摊"
COMPENSATION_INVALID = "补偿金额应为不小于 0 的整数（分）"
COMPENSATION_CAP_INVALID = "补偿上限应为 0 到 1 之间的比例，例如 \"3/10\" 或 \"0.3\""

# Stage guards (409 guard_failed): each names what is missing
WRONG_STAGE = "现在是「{current}」阶段，只能推进到「{next}」"
LAST_STAGE = "已经是最后一个阶段（运维），不能再推进"
UNKNOWN_STAGE = "没有这个阶段"
GUARD_CONSENT_PENDING = "意愿征询还没有结束，结束并通过后才能进入方案公示"
GUARD_CONSENT_FAILED = "意愿征询没有通过，不能进入方案公示"
GUARD_PUBLICITY_NOT_ELAPSED = "公示期为 {days} 天，{until} 之后才能进入协议签署"
GUARD_OBJECTIONS_OPEN = "还有 {count} 条异议没有处理完（需撤回，或一事一议结案并有结果），不能进入协议签署"
GUARD_UNSIGNED = "还有 {count} 户同意加装的住户没有签署协议（{rooms}），不能进入审批"
