CLOSING_TITLE = "“{title}”快截止了"
CLOSING_BODY = "“{title}”将在 {closes_at} 截止，您还没有参与。请抽空表达您的意见。"
CLOSING_SMS = "【共治】{estate}的“{title}”将在 {closes_at} 截止，您还没有参与，请打开链接参与：{link}"
TRANSFER_TITLE = "{flat} 已登记过户"
TRANSFER_ACTOR = "居委会的{name}"
TRANSFER_BODY = ("{actor}在 {when} 登记了 {flat} 的过户，并上传了证明材料。"
                 "您作为这一户业主的认证已经结束。如果有误，请联系居委会。")
