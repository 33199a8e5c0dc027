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

# Projects, objections, signatures
PROJECT_EXISTS = "这个单元已经有加装电梯项目了"
CONSENT_TITLE = "{building}{stairwell}加装电梯意愿征询"
FLAT_NOT_IN_STAIRWELL = "这一户不在本单元"
NOT_OWNER = "只有这一户经过核实的业主才能这样做"
OBJECTION_STAGE = "只有在方案公示期间才能提出异议"
OBJECTION_EXISTS = "这一户已经提出过异议，正在处理中"
OBJECTION_NOT_OPEN = "这条异议已经撤回了"
OBJECTION_NOT_YOURS = "只有提出异议的业主本人才能撤回"
CASE_TITLE = "{building}{stairwell}加装电梯方案异议"
CASE_DESCRIPTION = "{room} 户业主对加装电梯方案提出异议：{reason}"
SIGNING_STAGE = "只有在协议签署阶段才能签署"
ALREADY_SIGNED = "这一户已经签署过了"
REASON_REQUIRED = "请写明异议的理由"

# Progress toward consent ("还差业主 3 人 / 212.40 ㎡"): owners count once however many flats they hold
PROGRESS_PARTICIPATION = "参与表决"
PROGRESS_APPROVAL = "同意加装"
PROGRESS_MISSING = "还差业主 {owners} 人 / {area} ㎡"
PROGRESS_MET = "已达到"

# Statement (PDF)
STATEMENT_TITLE = "加装电梯费用分摊告知书"
STATEMENT_PROVIDENT_FUND = ("您可以按当地住房公积金管理规定，申请提取住房公积金支付本户应分摊的费用。"
                            "本平台只告知金额，不收取、不代付任何款项。")
