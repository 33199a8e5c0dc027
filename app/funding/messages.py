"""Every sentence a person reads about a project's public money (公开资金)."""

SOURCES = {
    "central_subsidy": "中央补助资金",
    "provincial_subsidy": "省级补助资金",
    "city_subsidy": "市级补助资金",
    "district_subsidy": "区级补助资金",
    "former_employer": "原产权单位",
    "public_housing": "公房产权单位",
    "utilities": "专业经营单位",
    "residents": "居民出资",
    "other": "其他来源",
}
STAGE_LABELS = {"committed": "承诺", "received": "到账", "spent": "支出"}
#: refusals
SPEND_BEYOND_RECEIVED = ("这笔支出 {amount} 元超出了{source}能用的钱：{source}已到账 {received} 元，"
                         "已支出 {spent} 元，还能支出 {left} 元。请先登记到账，再登记支出。")
UTILITIES_FROM_THEIR_PAGE = "专业经营单位的承诺和到账在“管线施工与专业经营单位”页面登记，这里不用再录"
DATE_IN_FUTURE = "日期不能晚于今天"
#: an amount that is not a whole number of fen (the form sends yuan with up to two decimals as fen)
EVIDENCE_REQUIRED = "请选择凭证照片"

# pages
TITLE = "项目资金公开"
TEXT = "这个项目的钱从哪里来、到了多少、花了多少，每一笔都有日期和凭证。支出不能超过已到账的钱。"
PUBLIC_TITLE = "资金来源与使用"
COL_SOURCE = "来源"
COL_COMMITTED = "承诺（元）"
COL_RECEIVED = "到账（元）"
COL_SPENT = "支出（元）"
TOTAL = "合计"
LEFT = "结余 {amount} 元（已到账减已支出）"
CHART = "各来源已到账的钱（万元）"
NO_MONEY = "还没有登记资金。"
ENTRIES = "每一笔"
COL_DATE = "日期"
COL_STAGE = "类别"
COL_AMOUNT = "金额（元）"
COL_PARTY = "单位"
COL_DOCUMENT = "文件或凭证"
SEE_EVIDENCE = "凭证照片"
EVIDENCE_MEMBERS = "凭证照片业主登录后可看"
NEW = "登记一笔资金"
FIELD_SOURCE = "来源"
FIELD_STAGE = "类别"
FIELD_AMOUNT = "金额（元，如 1200000 或 1200000.50）"
FIELD_ON = "日期"
FIELD_PARTY = "出资或收款单位（如：东城区财政局）"
FIELD_DOCUMENT = "文件或凭证编号（如：拨款文号、发票号）"
FIELD_NOTE = "说明"
FIELD_EVIDENCE = "凭证照片"
SAVE = "登记"
#: asked before the entry is written (filled in from the form)
CONFIRM_ENTRY = "确认登记：{source}{stage} {amount_cents} 元（{party}）？登记后会在项目资金公开表上公示。"
UPLOAD = "上传凭证"
FROM_UTILITIES = "专业经营单位的出资从管线页面读取"
UTILITIES_LINK = "管线施工与专业经营单位"
FUNDING_LINK = "项目资金公开"

#: the one line of the residents' payments recorded by 居民出资, on the public table
RECORDED_PAYMENTS = "平台记录的 {count} 笔缴款，截至该日"
