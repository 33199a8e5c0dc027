/* Our pages in a web-view, signed in by a one-time link. A new web-view has no session
   of its own, so the link signs it in directly. After a ballot is saved (our vote page
   comes back with #receipt) the person is asked, once per vote, whether WeChat should
   tell them the results. Shared, a vote page becomes a card that opens that vote. */
const session = require("../../utils/session");
const paths = require("../../utils/paths");
const M = require("../../utils/messages");

const ASKED = "gongzhi.subscribe-asked";

Component({
  data: { M: M, url: "", error: "" },

  methods: {
    onLoad: function (query) {
      this.path = query && query.path ? decodeURIComponent(query.path) : "/";
      this.current = this.path;
      return this.openPage();
    },

    openPage: function () {
      const page = this;
      if (!session.accessToken()) {
        wx.redirectTo({ url: paths.loginPage(page.path) });
        return Promise.resolve();
      }
      page.setData({ error: "" });
      return session.webUrl(page.path).then(function (url) {
        page.setData({ url: url });
      }).catch(function (error) { page.setData({ error: error.message || M.failed }); });
    },

    onWebLoad: function (event) {
      const src = event && event.detail && event.detail.src;
      const path = paths.sitePath(src);
      if (path !== null) { this.current = path; }
      if (!paths.justVoted(src)) { return; }
      const id = paths.consultationOf(path);
      const asked = wx.getStorageSync(ASKED) || [];
      if (asked.indexOf(id) !== -1) { return; }
      wx.setStorageSync(ASKED, asked.concat([id]));
      wx.navigateTo({ url: "/pages/subscribe/index?kinds=results&path=" + encodeURIComponent(path) });
    },

    onShareAppMessage: function (options) {
      const shown = (options && paths.sitePath(options.webViewUrl)) || this.current;
      const vote = paths.consultationOf(shown);
      if (vote === null) { return { title: M.shareHome, path: paths.webPage(shown) }; }
      // the vote itself, not this person's flat on it (?flat=): the card is for a neighbour
      return { title: M.shareVote, path: paths.webPage("/consultations/" + vote) };
    }
  }
});
