"""What residents and committee members read about sunlight (日照) analyses."""
DAY_LABELS = {"dahan": "大寒日", "dongzhi": "冬至日"}

# Input refusals
LATITUDE = "纬度应在北纬 3° 到 54° 之间（中国境内）"
LONGITUDE = "经度应在东经 73° 到 136° 之间（中国境内）"
DAY = "日期应为 dahan（大寒日）、dongzhi（冬至日）或 YYYY-MM-DD"
TOO_MANY_BUILDINGS = "现有楼栋最多 50 栋"
TOO_MANY_PROPOSED = "新建设施最多 10 个"
NO_PROPOSED = "至少填写一个新建设施"
TOO_MANY_WINDOWS = "窗户最多 500 个"
NO_WINDOWS = "至少填写一个窗户"
TOO_MANY_VERTICES = "现有楼栋和新建设施的轮廓点合计最多 {limit} 个，这次是 {count} 个"
TOO_MUCH_WORK = ("计算量太大：窗户数 × 轮廓点数 × 每天计算次数最多 {limit} 亿，这次约 {work} 亿。"
                 "请减少窗户或轮廓点，或把计算步长调大")
TOO_SLOW = "计算量太大，{seconds} 秒内没有算完。请减少窗户或楼栋，或把计算步长调大后再试"
STEP = "计算步长应为 1 到 10 分钟"
MIN_STRETCH = "最短连续日照应为 0 到 120 分钟"
POINT = "每个点应为 [x, y] 两个数"
FOOTPRINT_POINTS = "轮廓至少 3 个点，最多 64 个点"
FOOTPRINT_SELF_INTERSECTING = "轮廓的边互相交叉，请按顺序沿外墙填写各个角点"
FOOTPRINT_EMPTY = "轮廓面积为 0，请检查各点"
HEIGHT = "高度应大于 0 米、不超过 300 米"
COORDINATE = "坐标应在 -5000 到 5000 米之间"
SILL = "窗台高度应在 0 到 300 米之间"
FACING = "朝向应为 0 到 360 度（正北为 0，正南为 180）"
WINDOW_INSIDE = "这个窗户在“{name}”的里面，请检查坐标"
FLAT_UNKNOWN = "本小区没有这户"
CASE_UNKNOWN = "本小区没有这个一事一议事项"
PROJECT_UNKNOWN = "本小区没有这个加装电梯项目"

# Verdicts per window
VERDICTS = {
    "meets": "新建后仍满足日照标准",
    "falls_below": "新建后低于日照标准（原来满足）",
    "worse_already_below": "原来就不满足标准，新建后日照更少",
    "already_below": "原来就不满足标准，新建后没有变化",
    "not_assessed": "本次计算的日子不是该标准的日照标准日，未作判断",
}
EXEMPT_NOTE = "加装电梯不受“不得降低原有日照标准”的限制，数字供讨论参考"

# The explanation under every result
EXPLAIN_METHOD = ("按《建筑日照计算参数标准》GB/T 50947 计算：{day}当地真太阳时 {period}，"
                  "每 {step} 分钟算一次{stretch}。")
EXPLAIN_STRETCH = "，连续不足 {minutes} 分钟的日照不计"
EXPLAIN_EXEMPT = ("这次新建的都是加装电梯。按《城市居住区规划设计标准》GB 50180-2018 第 4.0.9 条，"
                  "既有住宅加装电梯不受“不得降低相邻住宅原有日照标准”的限制。"
                  "下面的数字是给大家讨论用的参考，不是否决的依据。")
EXPLAIN_RULE = ("按 GB 50180-2018 第 4.0.9 条，新增设施不应使相邻住宅原有日照标准降低。"
                "{count} 个窗户新建后由满足标准变为不满足。")
EXPLAIN_FOR_DISCUSSION = "这些数字供议事讨论参考，正式结论以有资质单位的日照分析报告为准。"

# Pages and the statement
MINUTES = "{minutes} 分钟"
HOURS = "{hours} 小时"
HOURS_MINUTES = "{hours} 小时 {minutes} 分钟"
TITLE = "日照分析"
STATEMENT_TITLE = "日照影响说明（供议事会议讨论）"
STATEMENT_HEADERS = ("窗户", "新建前", "新建后", "减少", "标准", "结论")
CHART_BEFORE = "新建前"
CHART_AFTER = "新建后"
CHART_MORE = "…… 共 {count} 个窗户，其余见表格"
CHART_LEGEND = "灰：现有楼　橙：新建设施（浅橙为它的影子）　蓝灰：{hours} 时的影子　黄：有日照"

# Resident pages (case and elevator pages)
PAGE_MINE_TITLE = "日照影响：您家的窗户"
PAGE_WINDOW = "窗户：{label}"
PAGE_BEFORE = "新建前"
PAGE_AFTER = "新建后"
PAGE_LOSS = "减少"
PAGE_STANDARD = "国家标准"
PAGE_VERDICT = "结论"
PAGE_CHART_ALT = "{label}的日照图：新建前 {before}，新建后 {after}。上方是平面图和影子，下方黄色是有日照的时段。"
PAGE_EXEMPT = "这次新建的是加装电梯，按国家标准不受“不得降低日照”的限制，数字供大家讨论参考。"

# Console
NAV = "日照分析"
CONSOLE_LIST_TITLE = "日照分析"
CONSOLE_NONE = "还没有日照分析。"
CONSOLE_NEW = "新建日照分析"
CONSOLE_EDIT = "修改并重新计算"
CONSOLE_OPEN = "查看"
CONSOLE_ATTACH = "关联事项"
CONSOLE_ATTACH_KINDS = {"case": "关联的一事一议", "elevator": "关联的加装电梯项目"}
CONSOLE_ATTACH_NONE = "不关联"
CONSOLE_ATTACH_CASE = "一事一议：{title}"
CONSOLE_ATTACH_ELEVATOR = "加装电梯：{name}"
CONSOLE_SITE = "位置与日子"
CONSOLE_LATITUDE = "纬度（北纬，度）"
CONSOLE_LONGITUDE = "经度（东经，度）"
CONSOLE_DAY = "计算日"
CONSOLE_DAY_DATE = "其他日期"
CONSOLE_STEP = "计算步长（分钟）"
CONSOLE_STRETCH = "最短连续日照（分钟，0 为不限）"
CONSOLE_COORDS_HINT = "坐标以米为单位：x 向东，y 向北。矩形楼填西南角和长宽；不是矩形的，在“轮廓点”里按顺序填各角点，如 0,0 20,0 20,10 0,10。"
CONSOLE_BUILDINGS = "现有楼栋"
CONSOLE_PROPOSED = "新建设施"
CONSOLE_WINDOWS = "要计算的窗户"
CONSOLE_WINDOW = "窗户"
CONSOLE_NAME = "名称"
CONSOLE_HEIGHT = "高度（米）"
CONSOLE_X0 = "西南角 x"
CONSOLE_Y0 = "西南角 y"
CONSOLE_WIDTH = "东西长（米）"
CONSOLE_DEPTH = "南北宽（米）"
CONSOLE_POINTS = "轮廓点（可选）"
CONSOLE_KIND = "类型"
CONSOLE_KINDS = {"elevator": "加装电梯", "other": "其他（车棚、门卫室等）"}
CONSOLE_LABEL = "窗户名称"
CONSOLE_FLAT = "对应住户（可选）"
CONSOLE_X = "x（米）"
CONSOLE_Y = "y（米）"
CONSOLE_Z = "窗台高度（米）"
CONSOLE_FACING = "朝向"
CONSOLE_FACINGS = {"180": "南", "90": "东", "270": "西", "0": "北", "135": "东南", "225": "西南"}
CONSOLE_USE = "用途"
CONSOLE_USES = {"home": "住宅", "elderly": "老年人居住建筑", "new_home": "旧区改建新建住宅"}
CONSOLE_ADD_ROW = "添加一行"
CONSOLE_REMOVE_ROW = "删除这一行"
CONSOLE_ADVANCED = "高级：直接编辑 JSON"
CONSOLE_APPLY_JSON = "用 JSON 填表"
CONSOLE_SAVE = "计算并保存"
CONSOLE_SAVED = "已保存，正在打开结果……"
CONSOLE_BAD_NUMBER = "请填写数字"
CONSOLE_BAD_JSON = "JSON 格式不对"
CONSOLE_RESULTS = "计算结果"
CONSOLE_STATEMENT = "下载会议用说明（PDF）"
CONSOLE_CHART_ALT = "平面图、影子和每个窗户的日照时段"
