CLOSING_TITLE = "“{title}”快截止了"
CLOSING_BODY = "“{title}”将在 {closes_at} 截止，您还没有参与。请抽空表达您的意见。"
PRELIMINARY_ENDED_TITLE = "“{title}”询异公示期满"
PRELIMINARY_ENDED_READY = "询异公示期已于 {until} 结束，没有待处理的异议，可以正式公示结果了。"
PRELIMINARY_ENDED_PENDING = "询异公示期已于 {until} 结束，还有 {count} 件异议没有处理完，处理完才能正式公示。"
JOB_REMIND_CLOSING = "表决截止前 24 小时提醒还没参与的人"
JOB_PRELIMINARY_ENDED = "询异公示期满时告诉居委会"
TRANSFER_TITLE = "{flat} 已登记过户"
TRANSFER_ACTOR = "居委会的{name}"
TRANSFER_BODY = ("{actor}在 {when} 登记了 {flat} 的过户，并上传了证明材料。"
                 "您作为这一户业主的认证已经结束。如果有误，请联系居委会。")
ENTERED_TITLE = "{room} 的表决票已由他人录入"
ENTERED_BODY = ("“{title}”：{room} 的表决票 {how}。如果这不是您的意思，请打开页面自己重新投票，"
                "以您本人的投票为准；投票截止后，也可以在询异公示期内提出异议。")
