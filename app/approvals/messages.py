"""Every sentence a person reads about approvals (审批)."""
KIND_LABELS = {
    "project_approval": "立项",
    "land_use": "用地",
    "planning": "规划许可",
    "construction_permit": "施工许可",
    "joint_review": "联合审查",
}
STATUS_LABELS = {
    "not_started": "未申报",
    "submitted": "已申报，等待审批",
    "returned": "退回补正",
    "approved": "已批准",
    "not_needed": "无需办理",
}
SUBMITTED_ON_REQUIRED = "请填写申报日期"
DECIDED_ON_REQUIRED = "请填写批复日期"
DOCUMENT_NO_REQUIRED = "请填写批复文号"
NOTE_REQUIRED = "请写明原因"
DECIDED_BEFORE_SUBMITTED = "批复日期不能早于申报日期"
DATE_IN_FUTURE = "日期不能晚于今天"
UNKNOWN_KIND = "没有这项审批"
NO_APPROVAL_YET = "请先填写这项审批的进度，再上传批文照片"
WAITING_DAYS = "已等 {days} 天"
NOT_SUBMITTED_DAYS = "立项后 {days} 天仍未申报"

# pages
SECTION_TITLE = "审批手续"
SECTION_TEXT = "改造要办的审批：每项办到哪一步、等了多久。居民能看到进度，备注只有业委会和街道能看到。"
FIELD_STATUS = "进度"
FIELD_DEPARTMENT = "审批部门"
FIELD_SUBMITTED_ON = "申报日期"
FIELD_DECIDED_ON = "批复日期"
FIELD_DOCUMENT_NO = "批复文号"
FIELD_NOTE = "备注（无需办理时写明原因）"
FIELD_PHOTO = "批文照片"
SAVE = "保存"
UPLOAD = "上传照片"
SEE_DOCUMENT = "看批文照片"
STREET_TITLE = "审批进度"
STREET_TEXT = "还在等审批的改造项目，等得最久的在最前面。"
STREET_NONE = "没有在等审批的项目。"
COL_ESTATE = "小区与项目"
COL_APPROVAL = "审批"
COL_STATUS = "进度"
COL_WAITING = "等了多久"
THE_DEPARTMENT = "审批部门"
GRANTED_TITLE = "{kind}已批准"
GRANTED_BODY = "{project}的{kind}，{department}已在{when}批准，批复文号 {number}。"
RETURNED_TITLE = "{kind}被退回补正"
RETURNED_BODY = "{project}的{kind}，{department}在{when}退回补正，委员会正在补齐材料后再报。"
