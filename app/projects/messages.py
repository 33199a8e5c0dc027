"""What residents and committees read about renovation projects."""
PHASE_LABELS = {"co_plan": "共谋", "co_build": "共建", "co_manage": "共管",
                "co_evaluate": "共评", "co_share": "共享"}
SOURCE_LABELS = {"central": "中央补助", "local": "地方政府", "residents": "居民出资",
                 "utilities": "专业经营单位", "former_owner_units": "原产权单位",
                 "social_capital": "社会资本"}
COMPLAINT_STATUS_LABELS = {"received": "已受理", "handling": "处理中", "answered": "已答复",
                           "closed": "已办结"}
PHASE_NOT_NEXT = "只能进入下一个阶段：{next}"
PHASE_LAST = "项目已经在最后一个阶段"
FUNDING_OVER_BUDGET = "各方出资合计 {total} 元，超过了预算 {budget} 元"
UNKNOWN_ITEM = "改造内容清单里没有这一项：{code}"
TOO_MANY_PHOTOS = "每条最多 {max} 张照片"
COMPLAINT_CLOSED = "这条投诉已经办结"
ANSWER_REQUIRED = "请填写答复内容"
NO_SUCH_PROJECT = "没有这个改造项目"
COMPLAINT_NOT_ANSWERED = "请先答复，再办结"
COMPLAINT_BAD_STEP = "投诉现在是“{status}”，不能这样处理"
FUND_OVER_BALANCE = "有 {count} 户分户账余额不够分摊，例如 {flat}：余额 {balance} 元，应摊 {share} 元"
FUND_USE_NEEDS_DECISION = "使用维修资金需要业主表决通过（民法典第二百七十八条第五项），请选择已通过的表决"
FUND_RAISE_NEEDS_DECISION = "续筹维修资金需要业主表决通过（民法典第二百七十八条第六项），请选择已通过的表决"
FUND_DECISION_NOT_PASSED = "所选表决还没有结束或没有通过，不能据此记账"
FUND_DECISION_NOT_FOUND = "本小区没有这个表决"
DECISION_NOT_PASSED = "所选表决还没有结束或没有通过，不能据此收费"
FUND_DECISION_WRONG_ITEM = "所选表决不是就“{item}”作出的，不能据此记账"
FUND_DECISION_WRONG_RULE = "所选表决的规则比“{rule}”宽松，不能据此记账"
FUND_DECISION_PART_SCOPE = "所选表决由 {decided} 户共同决定，这笔费用只分摊到其中 {charged} 户，和表决的范围不一致，不能据此记账"
FUND_DECISION_IN_PERIOD = "所选表决的结果还在询异公示期内（至 {until}），期满、异议处理完后才能据此记账"
FUND_DECISION_OBJECTIONS = "所选表决还有 {count} 件异议没有处理完，处理完后才能据此记账"
FUND_DECISION_WRONG_SCOPE = "所选表决的范围（{decided} 户）和这笔费用分摊的范围（{charged} 户）不一致，其中 {outside} 户没有参加这次表决：只有列支范围内的业主才能决定"
FUND_SCOPE_IDS_REQUIRED = "请选择楼栋、单元或房屋"
FUND_SCOPE_NOT_IN_ESTATE = "所选的楼栋、单元或房屋不在本小区"
FUND_SCOPE_EMPTY = "所选范围内没有登记面积的房屋"
FUND_SCOPE_TWO_SHAPES = "列支范围填了两种写法，请只填一种"
#: the kinds of a fund entry; every page, script and export takes these words
FUND_KIND_LABELS = {"collected": "归集", "used": "使用", "topped_up": "续筹"}
#: the rows of a flat's sub-account (分户账): the entries' kinds and the opening balance
FUND_SHARE_LABELS = {**FUND_KIND_LABELS, "carried_over": "余额结转"}
FUND_SCOPE_LABELS = {"estate": "全小区", "buildings": "所选 {count} 栋楼",
                     "stairwells": "所选 {count} 个单元", "flats": "所选房屋"}
FUND_CONSEQUENCE = "将按面积{verb} {amount} 元，分摊到{scope}共 {count} 户（{area} ㎡）的分户账，每户 {low}–{high} 元。记账后不能撤销。"
FUND_VERBS = {"collected": "归集", "topped_up": "续筹", "used": "支出"}
FUND_SHORT = "其中 {count} 户余额不够，不能支出。"
FUND_CARRIED_OVER = "分户账启用前的余额结转"
ANONYMOUS = "匿名居民"
ITEM_QUESTION = "“{label}”改得怎么样？"
EVALUATION_TITLE = "{project}改造效果评价"
EVALUATION_NOT_FINISHED = "评价还没有结束，结束后才能生成整改事项"
EVALUATION_NOT_THIS_PROJECT = "这不是本项目的效果评价"
EVALUATION_EXISTS = "本项目已经有效果评价，请在那一份上继续"
# One phase at a time: an action outside its phase is refused, naming both
WRONG_PHASE = "项目现在是{phase}阶段，{action}要在{allowed}阶段进行"
ACTION_ITEM_UPDATE = "更新改造内容的施工进度"
ACTION_EVALUATION = "开展效果评价"
ACTION_FOLLOW_UP = "根据评价生成整改事项"
FOLLOW_UP_TITLE = "“{title}”平均 {average} 分，需要整改跟进"

# Guarded phases: what is missing, named
PHASE_REFUSED = "还不能进入{phase}：{reasons}"
GUARD_NO_CONTENT_VOTE = "需要一次通过的改造内容表决（请从通过的表决创建项目）"
GUARD_CONTENT_VOTE_OPEN = "改造内容表决还没有截止"
GUARD_CONTENT_VOTE_FAILED = "改造内容表决没有通过，或者没有在预算内通过的改造内容"
GUARD_CONTENT_VOTE_NOT_PUBLISHED = "改造内容表决结果还没有正式公示（询异公示期满、异议处理完后公示）"
GUARD_PLAN_PUBLICITY = "改造方案公示期满后才能进入共建：{state}"
GUARD_ITEMS_UNFINISHED = "还有改造内容没有完工：{items}"
GUARD_NO_ACCEPTANCE = "需要先记录联合验收，并由居民代表签字"
GUARD_NO_EVALUATION = "还没有开展效果评价"
GUARD_EVALUATION_OPEN = "效果评价还在进行，截止后才能进入共享并公示"
EVALUATION_CLOSES_REQUIRED = "进入共评要开展效果评价，请填写评价截止时间"

# From decision to work
ITEM_STATUS_LABELS = {"planned": "未开工", "in_progress": "施工中", "completed": "已完工",
                      "cancelled": "已取消"}
VOTE_NOT_CONTENT = "请选择本小区的改造内容表决"
VOTE_NOT_FINAL = "改造内容表决还没有截止，截止后才能据此创建项目"
VOTE_NOT_PASSED = "改造内容表决没有通过，不能据此创建项目"
VOTE_NO_ITEMS = "没有在预算内通过的改造内容，不能据此创建项目"
VOTE_HAS_PROJECT = "这次表决已经创建过改造项目"
ITEM_NOT_IN_PROJECT = "这一项不属于本项目"
ITEM_PROGRESS_DONE = "标为已完工时进度应为 100%"
ITEM_PROGRESS_PLANNED = "未开工的项目进度应为 0%"
ITEM_CLOSED = "这一项已经{status}，不能再更新"
ITEM_PROGRESS_BACK = "进度不能倒退（现在是 {now}%）"

# 联合验收
ACCEPTANCE_EXISTS = "本项目已经记录过联合验收"
ACCEPTANCE_FEW_SIGNERS = "联合验收至少要有 {min} 位居民代表签字（现在 {count} 位）"
ACCEPTANCE_FLAT_NOT_HERE = "签字的居民代表要是本小区的住户"
ACCEPTANCE_FLAT_TWICE = "同一户只能签一次"
ACCEPTANCE_WRONG_PHASE = "联合验收在共建阶段进行（项目现在是{phase}）"
ITEMS_FROM_VOTE = "项目的改造内容来自业主表决，不能手工修改"
ITEM_HAS_TIMELINE = "这些改造内容已经有进度记录，不能删除：{items}"
SUPERVISION_ANSWER_TITLE = "居委会回复了您的监督反馈"
SUPERVISION_ANSWER_BODY = "{project}：{answer}"
