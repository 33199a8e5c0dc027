CLOSING_TITLE = "“{title}”快截止了"
CLOSING_BODY = "“{title}”将在 {closes_at} 截止，您还没有参与。请抽空表达您的意见。"
