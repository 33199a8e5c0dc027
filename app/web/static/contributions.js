/* 居民出资: paying online. The order's answer carries WeChat Pay's page (H5): open it. */
(function () {
  "use strict";
  var texts = JSON.parse((document.getElementById("contributions-messages") || {}).textContent || "{}");
  document.querySelectorAll("form.pay-online").forEach(function (form) {
    form.addEventListener("gz:success", function (event) {
      var order = event.detail.data || {};
      var ok = form.querySelector(".form-ok");
      if (ok) { ok.textContent = texts.opened || ""; }
      if (order.h5_url) { window.location.assign(order.h5_url); }
    });
  });
})();
