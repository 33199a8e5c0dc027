"""What residents and committees read about consultations, ballots and results."""
from app.rules.api import DECISION_LABELS

ITEM_OPTION_LABELS = {"agree": "同意", "oppose": "反对", "abstain": "弃权"}
STATUS_LABELS = {"draft": "草稿", "open": "进行中", "closed": "已截止", "published": "已公示"}
CHANNEL_LABELS = {"online": "网上", "paper": "纸质票", "proxy": "委托代投", "assisted": "协助录入"}

UNKNOWN_TEMPLATE = "没有这个征询模板"
OPTIONS_NAMED_ELSEWHERE = "“{title}”要在发起时填写候选人或候选企业，请到“共管”的业主表决里发起"
UNKNOWN_RULE = "没有这个表决规则"
RULE_TOO_LAX = "这项表决属于{item}，至少要按“{rule}”表决，不能用更宽松的规则"
RULE_FOR_RESIDENTS = "所有居民都能回答的调查不能用来表决，请选择“不作表决”"
SCOPE_ID_REQUIRED = "请选择楼栋或单元"
SCOPE_NOT_IN_ESTATE = "这个范围不属于本小区"
SCOPE_FLATS_REQUIRED = "请选择参与表决的户"
SCOPE_FLATS_NOT_IN_ESTATE = "有的户不属于本小区"
SCOPE_EMPTY = "这个范围里没有住户"
CLOSES_AT_PAST = "截止时间要晚于现在"
CLOSES_BEFORE_OPENS = "截止时间要晚于开始时间"

WRONG_STATUS = "征询当前是“{status}”状态，不能这样做"
NOT_OPEN_YET = "征询还没有开始"
CLOSED = "征询已经截止，不能再投票"
NOT_PUBLISHED = "结果公示后才能查看回执列表"
RECEIPT_REPLACED = "这张回执已被后来的投票替换"

NOT_OWNER = "只有这一户经过核实的业主（或业主委托的家属）才能投票"
NOT_RESIDENT = "只有本范围内经过核实的居民才能回答"
FLAT_REQUIRED = "您名下有多户，请选择为哪一户投票"
FLAT_NOT_IN_SCOPE = "这一户不在本次征询的范围内"
OWNER_ALREADY_VOTED = "业主本人已经投票，代理人不能更改"
NOT_IN_ELECTORATE = "这一户是投票开始后才录入台账的，本次表决{date}，这一户不参加"

# The electorate: taken from the ledger when the vote opens
COUNTS_ON_LEDGER = "按 {date} 的台账计票"
REBASE_NOT_OPEN = "只有进行中的表决才能重新取台账"
REBASE_AFTER_BALLOT = "已经有人投票了，不能再重新取台账：本次表决按开始时的台账计票"
ASSISTED_FOR_RESIDENTS = "所有居民都能回答的调查不需要代为录入"

ANSWER_REQUIRED = "请回答这道题"
ANSWER_CHOOSE_ONE = "请选择一项"
ANSWER_UNKNOWN_OPTION = "没有这个选项"
ANSWER_CHOOSE_LIST = "请选择，结果应为列表"
ANSWER_MIN = "至少选 {n} 项"
ANSWER_MAX = "最多选 {n} 项"
ANSWER_DUPLICATE = "同一项不能选两次"
ANSWER_SCALE = "请选 1 到 5 之间的整数"
ANSWER_TEXT = "请填写文字"
ANSWER_TEXT_LONG = "最多 {n} 个字"
ANSWER_ITEMS = "请逐项选择同意、反对或弃权"
ANSWER_UNKNOWN_ITEM = "没有这个项目"
ANSWER_NOT_ASKED = "这道题不用回答"
ANSWER_UNKNOWN_QUESTION = "没有这道题"
ANSWERS_INVALID = "有的题目没有答好，请检查"

PROXY_NOT_OWNER = "只有这一户经过核实的业主才能委托家属"
PROXY_SELF = "不能委托自己"
PROXY_EXISTS = "已经委托过这个人了"
PROXY_NOT_ACTIVE = "这个委托已经撤销了"

# Results explanation, one plain sentence (or two) in Chinese.
EXPLAIN_NONE = "本次征询不作表决，只统计意见：业主 {total} 人中已有 {owners} 人参与。"
EXPLAIN_RESIDENTS = "本次调查已有 {ballots} 人回答。"
EXPLAIN_HIDDEN = "投票截止后才显示各选项的票数。"
EXPLAIN_PENDING = "按“{rule}”，投票还在进行：已参与业主 {owners}/{total} 人、面积 {area}/{total_area} ㎡。"
EXPLAIN_MISSING = "参与还差业主 {owners} 人、面积 {area} ㎡。"
EXPLAIN_PARTICIPATION_MET = "参与人数和面积已经达到要求。"
EXPLAIN_NO_PARTICIPATION_THRESHOLD = "这个规则不设参与门槛：截止时按参与业主的意见决定。"
#: after the participation figures: the rule's participation threshold met, or none to meet
PARTICIPATION_MET = "，达到参与要求"
PARTICIPATION_FREE = "（这个规则不设参与门槛）"
EXPLAIN_PASSED = "按“{rule}”，参与业主 {owners}/{total} 人、面积 {area}/{total_area} ㎡{met}；同意 {agree}/{owners} 人、面积 {agree_area}/{area} ㎡，表决通过。"
EXPLAIN_FAILED_PARTICIPATION = "按“{rule}”，只有业主 {owners}/{total} 人、面积 {area}/{total_area} ㎡参与，没有达到参与要求，表决未通过。"
EXPLAIN_FAILED_APPROVAL = "按“{rule}”，参与业主 {owners}/{total} 人、面积 {area}/{total_area} ㎡{met}；但同意只有 {agree}/{owners} 人、面积 {agree_area}/{area} ㎡，没有达到同意要求，表决未通过。"
EXPLAIN_PARTICIPATION_ONLY = "按“{rule}”，参与业主 {owners}/{total} 人、面积 {area}/{total_area} ㎡{met}。"
EXPLAIN_ITEMS = "逐项结果：{passed} 项通过，{failed} 项未通过。"

EXPORT_TITLE = "{title} 结果公示"
EXPORT_HEADER = ["楼栋", "单元", "房号", "面积（㎡）", "业主", "电话", "是否参与", "方式", "表态", "回执"]
EXPORT_VOTED = "已参与"
EXPORT_NOT_VOTED = "未参与"
EXPORT_SUMMARY = "业主共 {total} 人、面积 {total_area} ㎡；参与 {owners} 人、面积 {area} ㎡。"
EXPORT_RULE = "表决规则：{rule}"
EXPORT_DECISION = {**{key: f"表决结果：{label}" for key, label in DECISION_LABELS.items()},
                   None: "本次征询不作表决"}
EXPORT_GENERATED = "生成时间：{at}"

# Content votes within means (量力而行)
MEANS_ORDER = "（排序：同意户数多的在前；户数相同看同意面积，面积大的在前；再相同按清单顺序。）"
MEANS_NONE_APPROVED = "没有通过的改造内容。"
MEANS_NO_CAP = "通过的改造内容共 {count} 项：{names}，估算合计 {total} 元。"
MEANS_CAP = "预算上限 {cap} 元。按同意程度依次纳入 {count} 项：{names}，估算合计 {total} 元，余 {left} 元。"
MEANS_FLAT = "每户出资合计 {flat} 元。"
MEANS_OVER_CAP = "“{label}”虽已通过，但估算 {cost} 元，超过剩余预算 {left} 元，本次不纳入。"
MEANS_NO_ESTIMATE = "“{label}”虽已通过，但没有估算费用，本次不纳入。"
BUDGET_CAP_NOT_DRAFT = "只有草稿状态的表决才能设置预算上限"
BUDGET_CAP_NOT_ITEMS = "只有逐项表决的改造内容表决才能设置预算上限"

# 询异公示: objections to a preliminary result
PRELIMINARY_RUNNING = "初步结果还在询异公示期内（至 {until}），期满后才能正式公示"
OBJECTIONS_PENDING = "还有 {count} 件对表决结果的异议没有处理完（{rooms}），处理完才能正式公示"
NO_PERIOD = "本次表决没有询异公示期，不能对结果提出异议"
NOT_PRELIMINARY = "只有投票截止后、正式公示前的初步结果才能提出异议"
PERIOD_OVER = "询异公示期已经结束（{until}），不能再提出异议"
NOT_YOUR_FLAT = "只能对自己名下、在表决范围内的那一户提出异议"
ALREADY_OBJECTED = "这一户已经对本次结果提出过异议"
ALREADY_RESOLVED = "这件异议已经处理完了"
JOB_CLOSE_DUE = "到了截止时间的表决自动截止"

# Who cast a flat's ballot, how and when (so nothing is changed behind an owner's back)
VOTED_ONLINE = ("这一户已在 {at}（北京时间）由{who}在网上投票。只有业主本人（或业主委托的家属）"
                "可以更改，工作人员不能代为录入。")
WHO_OWNER = "业主本人"
WHO_PROXY = "业主委托的家属"
CAST_BY_SELF = "{at} 您本人在网上投票"
CAST_BY_OWNER = "{at} 业主本人（{name}）在网上投票"
CAST_BY_PROXY = "{at} 由业主委托的 {name} 在网上代投"
CAST_BY_ENTERED = "{at} 由工作人员 {name} 代为录入（{channel}）"

# 询异 upheld: a ballot voided or corrected, and what the 公示 says of it
CORRECTION_ACTIONS = {"void": "作废", "correct": "更正"}
CORRECTION_ANSWERS_REQUIRED = "更正这张票，请填写业主实际的选择"
CORRECTION_NO_BALLOT = "这一户没有投票记录，没有可以作废或更正的票"
CORRECTION_NOT_PRELIMINARY = "只有投票截止后、正式公示前，才能按异议作废或更正选票"
CORRECTION_EVIDENCE = "询异异议 #{objection_id} 核实后{action}：{reason}"
CORRECTIONS_SUMMARY = "询异期间更正了 {count} 张票（作废 {void} 张，更正 {correct} 张），结果已按更正后的票重新统计："
CORRECTION_LINE = "{room}：{action}。原因：{reason}"
RECEIPT_VOIDED = "这张回执对应的票已按询异异议作废"

# a choice (an election, a model, a company): who is chosen, and why
CHOICE_ELECTED = "按{rule}：参与表决 {owners}/{total} 人、{area}/{total_area} ㎡。{passing} 人（项）得票的人数和面积都过半，按得票多少当选（选中）：{names}。"
CHOICE_NONE_ELECTED = "按{rule}：参与表决 {owners}/{total} 人、{area}/{total_area} ㎡。没有人（项）得票的人数和面积都过半，需要另行表决。"
CHOICE_NO_PARTICIPATION = "按{rule}：参与表决 {owners}/{total} 人、{area}/{total_area} ㎡，没有达到参与门槛，表决不成立。"
CHOICE_PENDING = "表决还在进行，截止后按{rule}确定结果。"
CHOICE_TIE = "{names} 得票相同，争夺最后的席位，需要另行表决。"
