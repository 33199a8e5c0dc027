/* Which of our pages a web-view shows, and the mini-program pages that open them. */
const config = require("../config");

function webPage(path) { return "/pages/web/index?path=" + encodeURIComponent(path || "/"); }

function loginPage(path) { return "/pages/index/index?path=" + encodeURIComponent(path || "/"); }

/* "/consultations/7?flat=3" from "https://site/consultations/7?flat=3#receipt" (our site only) */
function sitePath(url) {
  if (!url || url.indexOf(config.baseUrl + "/") !== 0) { return null; }
  return url.slice(config.baseUrl.length).split("#")[0];
}

/* The vote a page of ours is about, or null */
function consultationOf(path) {
  const match = /^\/consultations\/(\d+)(?:[/?]|$)/.exec(path || "");
  return match ? Number(match[1]) : null;
}

/* Our vote page after a ballot was saved: the server redirects to it with #receipt */
function justVoted(url) {
  const path = sitePath(url);
  return path !== null && consultationOf(path) !== null && /#receipt$/.test(url);
}

module.exports = {
  webPage: webPage, loginPage: loginPage, sitePath: sitePath, consultationOf: consultationOf,
  justVoted: justVoted
};
