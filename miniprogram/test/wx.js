/* The WeChat runtime's side of wx.* (it does not run here): wx.login hands out the codes
   the test's fake WeChat issued (GONGZHI_LOGIN_CODES), wx.request makes real HTTP
   requests to our server, storage lives in memory, and navigation and
   subscribe-message prompts are recorded (with the answer the test chose). */
const { send } = require("./http");

const calls = [];
const storage = {};
const loginCodes = (process.env.GONGZHI_LOGIN_CODES || "").split(",").filter(Boolean);

function record(name) {
  return function (options) { calls.push({ name: name, options: options }); };
}

global.wx = {
  calls: calls,
  subscribeAnswer: {},
  login: function (options) {
    const code = loginCodes.shift();
    if (code) { options.success({ code: code, errMsg: "login:ok" }); }
    else { options.fail({ errMsg: "login:fail no code left in the test" }); }
  },
  request: function (options) {
    const method = options.method || "GET";
    const headers = Object.assign({}, options.header);
    let body = null;
    if (method !== "GET") {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.data || {});
    }
    send(options.url, { method: method, headers: headers, body: body }).then(function (response) {
      let data = response.text;
      try { data = JSON.parse(response.text); } catch (notJson) { /* a page, kept as text */ }
      options.success({ statusCode: response.status, data: data, header: response.headers });
    }).catch(function (error) { options.fail({ errMsg: "request:fail " + error.message }); });
  },
  getStorageSync: function (key) { return storage[key] === undefined ? "" : storage[key]; },
  setStorageSync: function (key, value) { storage[key] = value; },
  clearStorageSync: function () { Object.keys(storage).forEach(function (key) { delete storage[key]; }); },
  redirectTo: record("redirectTo"),
  navigateTo: record("navigateTo"),
  navigateBack: record("navigateBack"),
  showToast: record("showToast"),
  requestSubscribeMessage: function (options) {
    calls.push({ name: "requestSubscribeMessage", options: options });
    options.success(Object.assign({ errMsg: "requestSubscribeMessage:ok" }, global.wx.subscribeAnswer));
  }
};

function lastCall(name) {
  const found = calls.filter(function (call) { return call.name === name; });
  return found.length ? found[found.length - 1].options : null;
}

function countOf(name) { return calls.filter(function (call) { return call.name === name; }).length; }

module.exports = { lastCall: lastCall, countOf: countOf };
