/* Sign in (wx.login, and the phone-number button the first time), then open the page
   asked for (?path=, our site's path) in the web-view. */
const session = require("../../utils/session");
const paths = require("../../utils/paths");
const M = require("../../utils/messages");

Component({
  data: { M: M, busy: false, needPhone: false, error: "" },

  methods: {
    onLoad: function (query) {
      this.next = query && query.path ? decodeURIComponent(query.path) : "/";
      return this.start();
    },

    start: function () {
      const page = this;
      page.setData({ busy: true, error: "" });
      return session.login().then(function (state) {
        if (state.needPhone) {
          page.ticket = state.ticket;
          page.setData({ busy: false, needPhone: true });
          return;
        }
        page.open();
      }).catch(function (error) { page.setData({ busy: false, error: error.message || M.failed }); });
    },

    onPhone: function (event) {
      const page = this;
      const code = event && event.detail && event.detail.code;
      if (!code) {
        page.setData({ error: M.phoneRefused });
        return Promise.resolve();
      }
      return session.loginWithPhone(page.ticket, code).then(function () {
        page.setData({ needPhone: false });
        page.open();
      }).catch(function (error) { page.setData({ error: error.message || M.failed }); });
    },

    open: function () {
      this.setData({ busy: false });
      wx.redirectTo({ url: paths.webPage(this.next) });
    }
  }
});
