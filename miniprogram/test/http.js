/* Plain HTTP from the tests (jest's jsdom has no fetch): {status, headers, text}. */
const http = require("http");

function send(url, options) {
  options = options || {};
  return new Promise(function (resolve, reject) {
    const request = http.request(url, { method: options.method || "GET", headers: options.headers || {} },
      function (response) {
        const chunks = [];
        response.on("data", function (chunk) { chunks.push(chunk); });
        response.on("end", function () {
          resolve({ status: response.statusCode, headers: response.headers,
                    text: Buffer.concat(chunks).toString("utf8") });
        });
      });
    request.on("error", reject);
    if (options.body) { request.write(options.body); }
    request.end();
  });
}

module.exports = { send: send };
