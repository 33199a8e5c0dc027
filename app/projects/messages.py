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
FUND_DECISION_WRONG_ITEM = "所选表决不是就“{item}”作出的，不能据此记账"
FUND_DECISION_WRONG_RULE = "所选表决的规则比“{rule}”宽松，不能据此记账"
FUND_DECISION_WRONG_SCOPE = "所选表决的范围（{decided} 户）和这笔费用分摊的范围（{charged} 户）不一致，其中 {outside} 户没有参加这次表决：只有列支范围内的业主才能决定"
FUND_SCOPE_IDS_REQUIRED = "请选择楼栋、单元或房屋"
FUND_SCOPE_NOT_IN_ESTATE = "所选的楼栋、单元或房屋不在本小区"
FUND_SCOPE_EMPTY = "所选范围内没有登记面积的房屋"
FUND_KIND_LABELS = {"collected": "归集", "topped_up": "续筹", "used": "使用"}
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
FOLLOW_UP_TITLE = "“{title}”平均 {average} 分，需要整改跟进"
