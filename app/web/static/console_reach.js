/* The console's notice form: preview (counts, unreachable flats, cost), then send. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ;
    var form = document.getElementById("notice-form");
    if (!form) { return; }
    var url = "/api/v1/consultations/" + form.getAttribute("data-consultation") + "/notices";
    var kind = document.getElementById("notice-kind");
    var send = document.getElementById("notice-send-button");
    var result = document.getElementById("notice-result");

    function showKindFields() {
      document.getElementById("meeting-fields").hidden = kind.value !== "meeting";
      document.getElementById("objection-fields").hidden = kind.value !== "objection";
    }
    kind.addEventListener("change", function () { showKindFields(); send.hidden = true; });
    form.addEventListener("change", function () { send.hidden = true; });
    showKindFields();

    function body(preview) {
      var data = { kind: kind.value, preview: preview,
                   audience: form.querySelector('input[name="audience"]:checked').value,
                   channels: Array.prototype.map.call(form.querySelectorAll('input[name="channels"]:checked'),
                                                      function (box) { return box.value; }) };
      ["time", "place", "until"].forEach(function (name) {
        var value = form.elements[name].value.trim();
        if (value && !form.elements[name].closest("[hidden]")) { data[name] = value; }
      });
      return data;
    }

    function counts(data) {
      return { recipients: data.recipients, sms: data.by_channel.sms, app: data.by_channel.app,
               unreachable: data.unreachable.length, cost: (data.estimated_cost_cents / 100).toFixed(2) };
    }

    document.getElementById("notice-preview").addEventListener("click", function () {
      GZ.clearMessages(form);
      GZ.api("POST", url, body(true)).then(function (answer) {
        if (!answer.ok) { GZ.showError(form, answer); return; }
        result.textContent = GZ.format(form.getAttribute("data-preview-text"), counts(answer.data));
        var list = document.getElementById("unreachable-list");
        list.textContent = "";
        answer.data.unreachable.forEach(function (flat) {
          list.appendChild(GZ.el("li", null, flat.flat + "：" + flat.reason));
        });
        document.getElementById("unreachable").hidden = answer.data.unreachable.length === 0;
        send.hidden = false;
      });
    });

    send.addEventListener("click", function () {
      GZ.clearMessages(form);
      send.disabled = true;
      GZ.api("POST", url, body(false)).then(function (answer) {
        send.disabled = false;
        if (!answer.ok) { GZ.showError(form, answer); return; }
        send.hidden = true;
        result.textContent = GZ.format(form.getAttribute("data-sent-text"), counts(answer.data));
        window.setTimeout(GZ.reload, 1500);
      });
    });
  });
})();
