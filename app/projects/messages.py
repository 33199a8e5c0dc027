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
FUND_OVER_BALANCE = "维修资金余额 {balance} 元，不够支出 {amount} 元"
FUND_USE_NEEDS_DECISION = "使用维修资金需要业主表决通过（民法典第二百七十八条），请选择已通过的表决"
FUND_DECISION_NOT_PASSED = "所选表决没有通过，不能据此使用维修资金"
ANONYMOUS = "匿名居民"
ITEM_QUESTION = "“{label}”改得怎么样？"
EVALUATION_TITLE = "{project}改造效果评价"
EVALUATION_NOT_FINISHED = "评价还没有结束，结束后才能生成整改事项"
EVALUATION_NOT_THIS_PROJECT = "这不是本项目的效果评价"
FOLLOW_UP_TITLE = "“{title}”平均 {average} 分，需要整改跟进"
SUPERVISION_ANSWER_TITLE = "居委会回复了您的监督反馈"
SUPERVISION_ANSWER_BODY = "{project}：{answer}"
