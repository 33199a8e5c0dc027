/* The SMS link: record the opening, then straight to the ballot, or a code to the same phone first. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ;
    var form = document.getElementById("link-form");
    var token = encodeURIComponent(form.getAttribute("data-token"));
    var status = document.getElementById("link-status");
    var step = document.getElementById("link-code-step");
    GZ.api("POST", "/api/v1/notice-links/" + token + "/open").then(function (result) {
      if (!result.ok) { status.textContent = ""; GZ.showError(form, result); return; }
      if (result.data.signed_in) { GZ.leave(); window.location.assign(result.data.path); return; }
      status.textContent = GZ.format(form.getAttribute("data-intro"), { phone: result.data.phone_masked });
      form.setAttribute("data-phone", result.data.phone_masked);
      step.hidden = false;
    });
    document.getElementById("link-send-code").addEventListener("click", function () {
      GZ.clearMessages(form);
      GZ.api("POST", "/api/v1/notice-links/" + token + "/code").then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        document.getElementById("link-code-sent").textContent =
          GZ.format(form.getAttribute("data-sent"), { phone: form.getAttribute("data-phone") });
        document.getElementById("link-code").focus();
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      GZ.api("POST", "/api/v1/notice-links/" + token + "/session", { code: document.getElementById("link-code").value.trim() }).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        GZ.leave();
        window.location.assign(result.data.path);
      });
    });
  });
})();
