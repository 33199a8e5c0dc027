"""What residents and committee members read about cases (一事一议)."""
#: a case's status, by CaseStatus
STATUS_LABELS = {"open": "讨论中", "mediation": "调解中", "resolution_vote": "表决中", "closed": "已结案"}
CASE_CLOSED = "此事已经结案，不能再发言或修改"
CASE_LOCKED = "讨论已被锁定，暂时不能发言"
CASE_ALREADY_LOCKED = "讨论已经是锁定状态"
CASE_NOT_LOCKED = "讨论没有被锁定"
FLATS_NOT_IN_ESTATE = "这些户不在本小区：{ids}"
FLATS_REPEATED = "同一户不能重复填写"
PARENT_NOT_IN_CASE = "要回复的发言不在这件事的讨论里"
POST_TOO_FAST = "发言太频繁了，请 {seconds} 秒后再试"
EDIT_NOT_AUTHOR = "只能修改自己的发言"
EDIT_WINDOW_PASSED = "发言超过 {minutes} 分钟后不能再修改"
EDIT_HIDDEN = "这条发言已被隐藏，不能修改"
EDIT_SAME = "内容没有变化"
ALREADY_REPORTED = "您已经举报过这条发言，我们会尽快处理"
ALREADY_HIDDEN = "这条发言已经隐藏了"
NOT_HIDDEN = "这条发言没有被隐藏"
AUTO_HIDE_REASON = "有 {count} 位居民举报，等待版主处理"
RESOLUTION_EXISTS = "这件事已经发起过表决"
RESOLUTION_NOT_A_VOTE = "表决要用投票类的模板"
RESOLUTION_NO_FLATS = "这件事没有受影响的住户，无法发起表决"
RESOLUTION_STILL_OPEN = "表决还没有结束，请先结束表决再结案"
RESOLUTION_DEFAULT_TITLE = "一事一议表决：{title}"
RESOLUTION_NO_PROPOSAL = "请写明要大家表决的解决方案"
RESOLUTION_PROPOSAL = "经过协商，形成了下面的解决方案，请受影响的业主表态：\n{proposal}"
RESOLUTION_NOTICE_TITLE = "请您表决：{title}"
RESOLUTION_NOTICE_BODY = "这件事的解决方案开始表决，{closes}截止。点这里看方案并表态。"

# The published outcome, as residents read it
OUTCOME_RESOLUTION_LINE = "表决结果：{decision}。{explanation}"
#: who wrote a post; also the signature of an author who left no name (a committee member signs 居委会)
AUTHOR_ROLES = {"committee": "居委会", "moderator": "版主", "resident": "居民"}
NO_REASON_GIVEN = "未说明原因"

# 询异: an owner's objection to a vote's preliminary result, mediated as a case
OBJECTION_CASE_TITLE = "对“{title}”初步结果的异议（{room}）"
OBJECTION_CASE_TEXT = "{room}的业主认为本户在表决中的记录有误：{reason}"
OBJECTION_STATUS_LABELS = {"open": "调解中", "resolved": "已处理"}
CORRECTED_TITLE = "{room} 的表决票已{action}"
CORRECTED_BODY = "“{title}”：您对 {room} 记录的异议经核实成立，这一户的表决票已{action}。原因：{reason}。结果已重新统计。"
# Meetings scheduled ahead, and their minutes
MEETING_IN_PAST = "会议时间已过，请直接记录会议"
MEETING_NOT_YET = "会议时间还没到，开完会再记录纪要"
MEETING_ALREADY_RECORDED = "这次会议已经记录过纪要"
MEETING_NOTICE_TITLE = "调解会议通知：{title}"
MEETING_NOTICE_BODY = "{time}在{place}开会，议题：{agenda}"
OBJECTION_DECIDED_TITLE = "您的异议已有处理结果"
OBJECTION_DECIDED_BODY = "您对“{title}”中 {room} 记录提出的异议已处理。处理结果：{resolution}"
