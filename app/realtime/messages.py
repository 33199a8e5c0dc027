"""Every sentence a person reads from the live-update channel."""

LOGIN_REQUIRED = "请先登录"
LOGIN_EXPIRED = "登录已失效，请重新登录"
BAD_ROOM = "订阅的内容不对"
NOT_VISIBLE = "没有找到，或您没有权限查看"
