/* 居民出资: paying online. Inside WeChat the order is a JSAPI one, paid in WeChat's own sheet
   (WeixinJSBridge); in another phone browser an H5 one, whose answer is WeChat Pay's page. */
(function () {
  "use strict";
  var texts = JSON.parse((document.getElementById("contributions-messages") || {}).textContent || "{}");
  var inWechat = /MicroMessenger/i.test(navigator.userAgent);
  document.querySelectorAll("form.pay-online").forEach(function (form) {
    if (inWechat) { form.querySelector("input[name=channel]").value = "jsapi"; }
    form.addEventListener("gz:success", function (event) {
      var order = event.detail.data || {};
      var ok = form.querySelector(".form-ok");
      if (ok) { ok.textContent = texts.opened || ""; }
      if (order.jsapi && window.WeixinJSBridge) {
        window.WeixinJSBridge.invoke("getBrandWCPayRequest", order.jsapi, function () {
          window.GZ.reload();  // paid or not, the page shows what WeChat Pay's notify recorded
        });
      } else if (order.h5_url) {
        window.location.assign(order.h5_url);
      }
    });
  });
})();
