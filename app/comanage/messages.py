"""What residents, committees and the street read about co-managing (共管)."""
MATTER_LABELS = {"management_statute": "管理规约", "meeting_rules": "业主大会议事规则",
                 "committee_election": "选举业主委员会", "management_model": "管理方式",
                 "property_company": "选聘物业服务企业", "public_income_use": "公共收益使用"}
INCOME_CATEGORIES = {"parking": "停车收入", "advertising": "广告收入", "venue": "场地租金",
                     "other": "其他收入"}
SPENDING_CATEGORIES = {"repairs": "共用部位维修", "facilities": "公共设施", "services": "公共服务",
                       "other": "其他支出"}
KIND_LABELS = {"income": "收入", "spending": "支出"}
RESOURCE_KINDS = {"premises": "闲置用房", "land": "空地"}
NOTICE_KINDS = {"notice": "通知公告", "explainer": "政策解读"}
SCOPE_LABELS = {"estate": "全小区", "building": "楼栋", "neighbourhood": "片区"}

CANDIDATES_REQUIRED = "请填写候选人（每行一个）"
CANDIDATES_TWICE = "候选人重名：{name}"
SEATS_WRONG = "席位数应在 1 到 {n} 之间"
NOT_FOR_CANDIDATES = "这项表决不用填写候选人"
NOT_A_CHOICE = "这不是选举或选择类表决"
PERIOD_TAKEN = "{period} 的物业服务评价已经发起过了"
SPENDING_NEEDS_DECISION = "支出公共收益需要业主表决通过（民法典第二百七十八条），请选择已通过的表决"
SPENDING_DECISION_NOT_PASSED = "所选表决没有通过，或不是全小区业主的表决，不能据此支出"
INCOME_NO_DECISION = "收入不需要选择表决"
OVER_BALANCE = "公共收益余额 {balance} 元，不够支出 {amount} 元"
CATEGORY_WRONG = "类别不对"
ESTATES_TWO = "片区至少要有两个小区"
ESTATES_ONE_STREET = "片区里的小区应属于同一个街道"
ESTATE_IN_ANOTHER = "有小区已经属于别的片区"
ESTATE_UNKNOWN = "没有这个小区"
SURVEY_NOT_SURVEY = "片区调查只能用征求意见的模板（不作表决）"
UNKNOWN_TEMPLATE = "没有这个模板"
PROPOSAL_NOT_HERE = "这个提议不属于这处资源"
NOT_RESIDENT = "只有片区内已认证的居民可以投票"
SCOPE_NOT_HERE = "范围不在本小区"
EXPLAINER_NEEDS_CONSULTATION = "政策解读要关联一项征询或表决"
CONSULTATION_NOT_HERE = "关联的征询不在本小区"

NO_ROUNDS = "还没有物业服务评价"
NOTICE_READ = "已读"
SATISFACTION = "改造效果评价中 {satisfied}/{answers} 人满意（{percent}）"
NO_EVALUATION = "还没有完成改造效果评价"
