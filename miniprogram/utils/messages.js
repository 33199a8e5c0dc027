/* Every sentence the mini-program shows a person, in one place. */
module.exports = {
  signingIn: "正在登录…",
  needPhone: "第一次使用，请授权您的手机号，用来确认您是哪一户的业主或住户。",
  phoneButton: "授权手机号并登录",
  phoneRefused: "没有拿到手机号。请再点一次按钮，并选择“允许”。",
  failed: "没有连上服务器，请检查网络后再试。",
  retry: "再试一次",
  opening: "正在打开…",
  subscribeTitle: "投票已提交",
  subscribeNote: {
    results: "结果公布时，要在微信里通知您吗？",
    closing_soon: "投票快截止时，要在微信里提醒您吗？",
    vote_opened: "小区有新的投票时，要在微信里通知您吗？",
    meeting: "开会前，要在微信里提醒您吗？"
  },
  subscribeAccept: "接收微信通知",
  subscribeLater: "不用了，返回",
  subscribeSaved: "好的，到时会通知您",
  shareVote: "请您参加小区投票",
  shareHome: "共治：小区改造大家商量"
};
