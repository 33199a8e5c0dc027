/* Signing in: wx.login's code → POST /api/v1/auth/wechat/mini-program. A person we know
   gets tokens at once (201); a first visit gets {need_phone, ticket} (200) and signs in
   with the phone-number button's code. The web pages then open through one-time links
   (POST /api/v1/auth/web-tickets) that sign the web-view in. */
const api = require("./api");
const M = require("./messages");

const TOKENS = "gongzhi.tokens";

function accessToken() {
  const tokens = wx.getStorageSync(TOKENS);
  return (tokens && tokens.access_token) || "";
}

function keep(response) {
  wx.setStorageSync(TOKENS, response.data);
  return { signedIn: true };
}

function refused(response) {
  const error = new Error(api.errorMessage(response, M.failed));
  error.status = response.statusCode;
  return error;
}

function wxLoginCode() {
  return new Promise(function (resolve, reject) {
    wx.login({ success: function (result) { resolve(result.code); }, fail: reject });
  });
}

/* {signedIn: true}, or {needPhone: true, ticket} on a first visit */
function login() {
  return wxLoginCode().then(function (code) {
    return api.request("POST", "/api/v1/auth/wechat/mini-program", { code: code });
  }).then(function (response) {
    if (response.statusCode === 201) { return keep(response); }
    if (response.statusCode === 200 && response.data.need_phone) {
      return { needPhone: true, ticket: response.data.ticket };
    }
    throw refused(response);
  });
}

function loginWithPhone(ticket, phoneCode) {
  return api.request("POST", "/api/v1/auth/wechat/mini-program/phone",
    { ticket: ticket, phone_code: phoneCode }).then(function (response) {
    if (response.statusCode === 201) { return keep(response); }
    throw refused(response);
  });
}

/* A call with the access token; an expired one (401) is renewed once by a new wx.login
   (a person we know needs no phone again). */
function authorized(method, path, data) {
  function call() { return api.request(method, path, data, accessToken()); }
  return call().then(function (response) {
    if (response.statusCode !== 401) { return response; }
    return login().then(function (state) {
      if (!state.signedIn) { throw refused(response); }
      return call();
    });
  });
}

/* The one-time link that opens `path` of our site signed in */
function webUrl(path) {
  return authorized("POST", "/api/v1/auth/web-tickets", { next: path }).then(function (response) {
    if (response.statusCode === 201) { return response.data.url; }
    throw refused(response);
  });
}

module.exports = {
  TOKENS: TOKENS, accessToken: accessToken, login: login, loginWithPhone: loginWithPhone,
  authorized: authorized, webUrl: webUrl
};
