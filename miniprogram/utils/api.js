/* Calls to our server (config.baseUrl): one promise per request, never rejected for an
   HTTP status; the caller reads statusCode and data ({error: {code, message}}). */
const config = require("../config");

function request(method, path, data, token) {
  return new Promise(function (resolve, reject) {
    wx.request({
      url: config.baseUrl + path,
      method: method,
      data: data || {},
      header: token ? { Authorization: "Bearer " + token } : {},
      success: resolve,
      fail: reject
    });
  });
}

/* The Chinese sentence of a refusal, or the general one */
function errorMessage(response, fallback) {
  const error = response && response.data && response.data.error;
  return (error && error.message) || fallback;
}

module.exports = { request: request, errorMessage: errorMessage };
