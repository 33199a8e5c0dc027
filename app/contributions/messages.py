"""Every sentence a person reads about who pays (居民出资)."""
KIND_LABELS = {
    "elevator": "加装电梯分摊",
    "agreed": "业主决定的出资",
    "fund_use": "维修资金列支",
}
METHOD_LABELS = {
    "transfer": "银行转账",
    "cash": "现金",
    "provident_fund": "公积金提取",
    "maintenance_fund": "维修资金",
    "wechat": "微信支付",
}
#: the methods a committee records by hand (WeChat Pay records itself)
RECORDED_METHODS = ("transfer", "cash", "provident_fund", "maintenance_fund")

# how each owed amount explains itself
ELEVATOR_RULE = ("{elevator}：总造价 {total} 元，减补贴 {subsidy} 元，业主共担 {owners} 元，"
                 "按楼层系数×面积分摊；本户 {floor} 层，系数 {coefficient}，面积 {area} ㎡")
ELEVATOR_RECEIVES = "，获低层补偿 {receives} 元"
ELEVATOR_NOTHING = "；本户不需出资"
AGREED_PER_FLAT = "业主表决《{title}》通过：每户 {amount} 元"
AGREED_BY_AREA = "业主表决《{title}》通过：共 {total} 元，按面积分摊；本户 {area} ㎡，共 {area_total} ㎡"
FUND_USE_RULE = "维修资金列支“{memo}”（{day}）按面积分摊，已从本户维修资金分户账扣除"

# refusals
ELEVATOR_NOT_FOUND = "本小区没有这部电梯"
ELEVATOR_NOT_SIGNING = "电梯还没到协议签署阶段，分摊金额还没定下来"
FUND_ENTRY_NOT_FOUND = "本小区维修资金账上没有这笔列支"
AMOUNT_NEEDED = "请填写每户金额或总金额（二选一）"
DECISION_NEEDED = "请选择决定这笔出资的表决"
ALREADY_CHARGED = "这个项目已经有这笔出资了"
FLAT_NOT_CHARGED = "这户不需要交这笔钱"
FUND_ALREADY_PAID = "这笔钱已经从维修资金分户账扣除，不用另外登记"
OVER_OWED = "这户这一项应缴 {owed} 元，已缴 {paid} 元，最多还能收 {left} 元"
OVER_DECISION_FLAT = "所选表决不包括这一户，不能据此多收"
PAYMENT_EXISTS = "凭证号“{reference}”的这笔款已经登记过了"
DATE_IN_FUTURE = "日期不能晚于今天"
METHOD_NOT_BY_HAND = "微信支付由系统自动登记，不用手工登记"
REFERENCE_NEEDED = "请填写凭证号（银行流水号、收据编号或公积金审批号）"
NOT_YOUR_FLAT = "只有这户的业主能为这户付款"
NOTHING_DUE = "这户这一项已经交清了"
WECHAT_PAY_OFF = "本市还没有开通微信支付，请向居委会转账或交现金"
WECHAT_NO_OPENID = "请在微信里打开，才能用微信支付"
WECHAT_ORDER_FAILED = "微信支付下单没有成功，请稍后再试"
NOTIFY_BAD = "通知验签失败"
NOT_ELEVATOR = "只有加装电梯的出资能开公积金提取证明"
NOTHING_OWED = "这户不需要为加装电梯出资"

VOID_REASON_NEEDED = "请写明作废原因（1 到 200 个字）"
VOID_WECHAT = "微信支付的缴款不能在这里作废，请通过微信支付退款"
ALREADY_VOIDED = "这笔缴款已经作废了"

# telling the owners
PAID_TITLE = "{flat} 的一笔出资已登记"
PAID_BODY = "{who}于{when}登记：{flat}“{charge}”{amount} 元，方式：{method}，凭证号 {reference}。"
RECORDED_BY = "居委会{name}"
PAID_ONLINE_BY = "{name}用微信支付"
SOMEONE = "有人"
VOIDED_TITLE = "一条登记错的交款记录已作废（{amount} 元）"
VOIDED_BODY = ("{who}于{when}作废了一条交款记录：{flat}“{charge}”{amount} 元，方式：{method}，"
               "收据 {receipt}，凭证号 {reference}。原因：{reason}。这笔钱不再算作已交；"
               "如果您拿到了这张纸质收据，请交回居委会。")

# pages
TITLE = "居民出资"
TEXT = "这个项目每户要出多少钱、依据是哪个决定、已经交了多少。"
CONSOLE_TEXT = "每笔出资的依据、每户应缴和已缴；登记收款后，这户的业主会收到通知。"
NEW_CHARGE = "新增一笔出资"
FIELD_KIND = "出资依据"
FIELD_TITLE = "名称"
FIELD_ELEVATOR = "电梯"
FIELD_DECISION = "业主表决"
FIELD_PER_FLAT = "每户金额（元）"
FIELD_TOTAL = "总金额（元，按面积分摊）"
FIELD_FUND_ENTRY = "维修资金列支"
FIELD_FLAT = "户"
FIELD_AMOUNT = "金额（元）"
FIELD_METHOD = "方式"
FIELD_PAID_ON = "付款日期"
FIELD_REFERENCE = "凭证号（银行流水号、收据编号或公积金审批号）"
FIELD_PAYER = "付款人"
FIELD_NOTE = "备注"
FIELD_OVER_DECISION = "允许多收的表决（一般不填）"
ADD = "添加"
RECORD = "登记收款"
NONE_CHOSEN = "（不选）"
COL_FLAT = "户"
COL_OWNER = "业主"
COL_OWED = "应缴"
COL_PAID = "已缴"
COL_FROM_FUND = "维修资金已付"
COL_DUE = "欠缴"
COL_BASIS = "依据"
RECEIPT = "收据"
CERTIFICATE = "公积金提取证明"
TOTALS = "{flats} 户合计：应缴 {owed} 元，已缴 {paid} 元，欠缴 {due} 元"
TOTALS_WITH_FUND = "{flats} 户合计：应缴 {owed} 元，已缴 {paid} 元，维修资金已付 {fund} 元，欠缴 {due} 元"
NO_CHARGES = "这个项目还没有要居民出资的项目。"
#: what owners see of their neighbours: counts per stairwell, never which flat
STAIRWELLS_TITLE = "各单元交钱情况"
STAIRWELLS_TEXT = "只显示户数，不显示是哪一户。"
STAIRWELL_COUNTS = "{place}：{counts}"
COUNT_PAID = "交清"
COUNT_PARTLY = "交了一部分"
COUNT_NOT_YET = "还没交"
COUNT_NOTHING_TO_PAY = "不用另交"
NO_STAIRWELLS = "没有需要交钱的户。"
MY_TITLE = "我家要交的钱"
MY_NONE = "您家在这个项目里不需要出钱。"
MY_PAYMENTS = "已交"
PAY_ONLINE = "用微信支付 {amount} 元"
#: how to pay when the city has no online payment (and beside it when it has)
INSTRUCTIONS_NEEDED = "请写明怎么交：地点和时间、收款账户、联系电话（300 字以内）"
INSTRUCTIONS_TITLE = "怎么交钱"
INSTRUCTIONS_FIELD = "怎么交钱（居民会看到）：地点和时间、收款账户、联系电话"
INSTRUCTIONS_SAVE = "保存"
INSTRUCTIONS_MISSING = "还没有写怎么交钱。居民页面上只会看到“到居委会交”，请写明地点、时间、账户和电话。"
PAY_AS_ABOVE = "按上面“怎么交钱”交现金或转账。交了以后，居委会登记，您会收到通知和收据。"
PAY_OFFLINE = "可以到居委会交现金，或转账到居委会公布的账户。交了以后，居委会登记，您会收到通知和收据。"
#: the one line at the top of 我家要交的钱
MY_DUE_TOTAL = "您家还要交 {amount} 元。"
MY_NOTHING_DUE = "您家现在不欠钱。"
#: a fund use: nothing to pay by hand
FROM_FUND_LINE = "{amount} 元已从维修资金里扣除，不用另交。"
PAY_OPENED = "请在打开的微信支付页面完成付款，付完后这里会显示已交。"
CONSOLE_LINK = "居民出资"
#: a voided payment, wherever a list shows it
VOIDED = "已作废（原因：{reason}）"
VOID = "作废"
VOID_FIELD_REASON = "作废原因（如：户号登记错了、金额写错了）"
VOID_CONFIRM = ("确认作废：{flat}（{owner}）“{charge}”{amount} 元，收据 {receipt}？"
                "作废后这笔钱不再算作已缴，这户的业主会收到通知。")
#: the record-payment form asks before money is counted (filled in from the form)
RECORD_CONFIRM = "确认登记：{flat_id} 交来 {amount_cents} 元（{method}），凭证号 {reference}？登记后这户的业主会收到通知。"

# the receipt and the certificate (PDF)
RECEIPT_HEADLINE = "收款收据"
RECEIPT_ROWS = ("收据编号", "小区", "项目", "户", "出资项", "金额", "方式", "凭证号", "付款日期",
                "付款人", "登记人", "登记时间")
RECEIPT_VOIDED = "（已作废）"
RECEIPT_NOTE = "此收据由共治平台出具，可凭收据编号在平台上核对。"
CERTIFICATE_HEADLINE = "加装电梯出资证明"
CERTIFICATE_SUB = "（用于提取住房公积金支付既有住宅加装电梯费用）"
CERTIFICATE_ROWS = ("小区", "房屋坐落", "产权人", "电梯", "电梯总造价", "政府补贴", "本户分摊",
                    "本户已缴", "分摊依据", "项目阶段", "出具日期")
CERTIFICATE_TEXT = ("兹证明上述房屋所在单元经业主依法表决同意加装电梯，本户应承担的费用如上。"
                    "本证明供产权人及其配偶、直系亲属向住房公积金管理中心申请提取使用。")
CERTIFICATE_SIGN = "业主委员会（盖章）：                日期："
