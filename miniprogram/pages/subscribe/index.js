/* 订阅消息: asks for the kinds of ?kinds= (results after a vote). WeChat lets
   wx.requestSubscribeMessage run only from a tap, so the template ids are fetched when
   the page opens and asked for in the tap itself; the answer goes to
   POST /api/v1/wechat/subscriptions (each accepted id allows one message). */
const session = require("../../utils/session");
const M = require("../../utils/messages");

Component({
  data: { M: M, notes: [], templateIds: [], error: "" },

  methods: {
    onLoad: function (query) {
      const page = this;
      page.kinds = ((query && query.kinds) || "results").split(",");
      page.setData({ notes: page.kinds.map(function (kind) { return M.subscribeNote[kind]; })
        .filter(Boolean) });
      return session.authorized("GET", "/api/v1/wechat/subscriptions").then(function (response) {
        const templates = (response.statusCode === 200 && response.data.templates) || {};
        page.setData({ templateIds: page.kinds.map(function (kind) { return templates[kind]; })
          .filter(Boolean) });
        if (!page.data.templateIds.length) { page.back(); }  // this deployment sends none
      }).catch(function () { page.back(); });
    },

    onAccept: function () {
      const page = this;
      const ids = page.data.templateIds;
      return new Promise(function (resolve) {
        wx.requestSubscribeMessage({
          tmplIds: ids,
          success: function (answer) { resolve(ids.filter(function (id) { return answer[id] === "accept"; })); },
          fail: function () { resolve(null); }
        });
      }).then(function (accepted) {
        if (accepted === null) { return page.back(); }
        return session.authorized("POST", "/api/v1/wechat/subscriptions",
          { template_ids: ids, accepted: accepted }).then(function (response) {
          if (response.statusCode !== 200) {
            page.setData({ error: (response.data.error && response.data.error.message) || M.failed });
            return null;
          }
          if (accepted.length) { wx.showToast({ title: M.subscribeSaved, icon: "none" }); }
          return page.back();
        });
      });
    },

    back: function () {
      wx.navigateBack({ delta: 1 });
    }
  }
});
