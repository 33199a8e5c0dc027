/* Phone login: ask for a code, then log in with it; the cookie session follows. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ, M = GZ.M;
    var form = document.getElementById("login-form");
    var phone = document.getElementById("phone");
    var code = document.getElementById("code");
    var send = document.getElementById("send-code");
    var step = document.getElementById("code-step");
    var sentNote = document.getElementById("code-sent");
    var timer = null;

    function countdown(seconds) {
      window.clearInterval(timer);
      send.disabled = true;
      var left = seconds;
      send.textContent = GZ.format(M.resendIn, { seconds: left });
      timer = window.setInterval(function () {
        left -= 1;
        if (left <= 0) {
          window.clearInterval(timer);
          send.disabled = false;
          send.textContent = M.sendCode;
        } else {
          send.textContent = GZ.format(M.resendIn, { seconds: left });
        }
      }, 1000);
    }

    send.addEventListener("click", function () {
      GZ.clearMessages(form);
      GZ.api("POST", "/api/v1/auth/sms-codes", { phone: phone.value.trim() }).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        sentNote.textContent = GZ.format(M.sent, { phone: phone.value.trim() });
        step.hidden = false;
        code.focus();
        countdown(60);
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (step.hidden) { send.click(); return; }
      GZ.clearMessages(form);
      var button = document.getElementById("login-button");
      button.disabled = true;
      GZ.api("POST", "/api/v1/auth/session", { phone: phone.value.trim(), code: code.value.trim() }).then(function (result) {
        button.disabled = false;
        if (!result.ok) { GZ.showError(form, result); return; }
        sentNote.textContent = M.loginOk;
        window.location.assign(form.getAttribute("data-next") || "/");
      });
    });
  });
})();
