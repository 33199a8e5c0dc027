"""Every sentence a resident or committee member reads about QR codes and posters."""

# The resident page reached by scanning
WELCOME = "欢迎参与小区改造"
OPEN_HERE = "正在进行的征询和投票"
NOTHING_OPEN = "目前没有正在进行的征询。有新的征询时，居委会会通知大家。"
CLOSES_AT = "{date} 截止"
HOW_TO_TAKE_PART = "怎样参与"
STEP_LOGIN = "用手机号登录"
STEP_LOGIN_DONE = "您已登录"
STEP_CLAIM = "认领您家的房子"
STEP_CLAIM_HINT = "选好您家的房号，居委会核实后就可以参加投票。"
BUTTON_LOGIN = "用手机号登录"
BUTTON_CLAIM = "认领我家的房子"
BUTTON_CLAIM_IN = "{stairwell}：认领我家的房子"
CHOOSE_STAIRWELL = "请选择您家所在的单元："
# An account already linked to a flat here: no call to claim it again
LINKED_TITLE = "您已认证，不用再认领"
LINKED_FLAT = "{building} {stairwell} {room}（{relation}）"
BUTTON_MY_FLATS = "去看我家的事"
CLAIM_ANOTHER = "这里还有别的房子是您家的？"
NO_VOTE_BY_CODE = "扫码只能查看和登录，不能代替投票，也不会显示任何人的个人信息。"
ASK_COMMITTEE = "有疑问请咨询居委会。"

# A code that does not work
INVALID_TITLE = "二维码无法识别"
INVALID_BODY = "这个二维码不完整或不是本系统的。请对准楼道里张贴的二维码重新扫一次。"
RETIRED_TITLE = "这个二维码已经停用"
RETIRED_BODY = "居委会已经换了新的二维码，这一张不能再用了。请扫描楼道里新贴的二维码，或向居委会询问。"
INVALID_HELP = "仍然不行的话，请向居委会询问。"

# API errors
QR_INVALID = "二维码无法识别，请重新扫描或向居委会询问"
QR_RETIRED = "这个二维码已经停用，请扫描新的二维码或向居委会询问"

# The poster
POSTER_HEADLINE = "扫一扫，参与小区改造"
POSTER_STEPS = ("扫码", "用手机号登录", "认领您家的房子")
POSTER_NOTE = "扫码只能查看和登录，不能代替投票，也不会显示个人信息。"
POSTER_ASK = "有疑问请咨询居委会。"
POSTER_CODE_LABEL = "编号 {code}，第 {version} 版"
POSTER_TITLE = "{estate} 二维码海报"
NO_STAIRWELLS = "这个小区还没有导入楼栋和单元，请先导入台账"
BACK_HOME = "返回首页"
