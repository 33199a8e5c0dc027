CLOSING_TITLE = "“{title}”快截止了"
CLOSING_BODY = "“{title}”将在 {closes_at} 截止，您还没有参与。请抽空表达您的意见。"
CLOSING_SMS = "【共治】{estate}的“{title}”将在 {closes_at} 截止，您还没有参与，请打开链接参与：{link}"
ENTERED_TITLE = "{room} 的表决票已由他人录入"
ENTERED_BODY = ("“{title}”：{room} 的表决票 {how}。如果这不是您的意思，请打开页面自己重新投票，"
                "以您本人的投票为准；投票截止后，也可以在询异公示期内提出异议。")
