/* Committee console: approve or reject claims, import the ledger, download flat codes. */
(function () {
  "use strict";

  function claimButtons(GZ, M) {
    var dialog = document.getElementById("reject-dialog");
    var pendingReject = null;
    function decide(button, verb, body) {
      var row = button.closest("tr");
      var box = row.querySelector(".form-error");
      box.textContent = "";
      row.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      GZ.api("POST", "/api/v1/claims/" + button.getAttribute("data-" + verb) + "/" + verb, body).then(function (result) {
        if (!result.ok) {
          box.textContent = result.data.error.message;
          row.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
          return;
        }
        row.querySelector(".actions").textContent = verb === "approve" ? M.approved : M.rejected;
        row.classList.add("decided");
      });
    }
    document.querySelectorAll("[data-approve]").forEach(function (button) {
      button.addEventListener("click", function () { decide(button, "approve", {}); });
    });
    document.querySelectorAll("[data-reject]").forEach(function (button) {
      button.addEventListener("click", function () { pendingReject = button; dialog.showModal(); });
    });
    if (dialog) {
      dialog.addEventListener("close", function () {
        if (dialog.returnValue === "ok" && pendingReject) {
          decide(pendingReject, "reject", { reason: document.getElementById("reject-reason").value });
        }
        pendingReject = null;
      });
    }
  }

  function ledgerForm(GZ, M) {
    var form = document.getElementById("ledger-form");
    if (!form) { return; }
    var list = form.querySelector(".row-errors");
    form.addEventListener("gz:success", function (event) {
      list.textContent = "";
      GZ.showOk(form, GZ.format(M.ledgerDone, event.detail.data));
    });
    form.addEventListener("submit", function () { list.textContent = ""; });
    /* A refused ledger names each row and column: {"rows": {"3": {"area_m2": "..."}}} */
    form.addEventListener("gz:error", function (event) {
      var fields = (event.detail.data.error || {}).fields || {};
      var rows = fields.rows || {};
      Object.keys(rows).forEach(function (row) {
        Object.keys(rows[row]).forEach(function (column) {
          var item = document.createElement("li");
          item.textContent = GZ.format(M.ledgerRowError, { row: row, column: column, message: rows[row][column] });
          list.appendChild(item);
        });
      });
    });
  }

  function flatCodes(GZ, M) {
    var form = document.getElementById("flat-codes-form");
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var estate = form.getAttribute("data-estate");
      GZ.api("POST", "/api/v1/estates/" + estate + "/flat-codes", {}).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        var link = document.createElement("a");
        link.href = URL.createObjectURL(result.data);
        link.download = "flat-codes-" + estate + ".csv";
        document.body.appendChild(link);
        link.click();
        link.remove();
        GZ.showOk(form, M.flatCodesDone);
      });
    });
  }

  /* 开始 / 截止 / 公示: one call, then the page shows the new state. */
  function lifecycleButtons(GZ) {
    document.querySelectorAll("[data-lifecycle]").forEach(function (button) {
      button.addEventListener("click", function () {
        var box = button.parentNode.querySelector(".form-error");
        button.disabled = true;
        var url = "/api/v1/consultations/" + button.getAttribute("data-consultation") + "/" + button.getAttribute("data-lifecycle");
        GZ.api("POST", url, {}).then(function (result) {
          if (!result.ok) { button.disabled = false; box.textContent = result.data.error.message; return; }
          window.location.reload();
        });
      });
    });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* A draft from a template: the scope picker follows the type; times are Beijing time. */
  function newConsultation(GZ) {
    var form = document.getElementById("new-consultation");
    if (!form) { return; }
    var type = document.getElementById("scope-type");
    var template = document.getElementById("template");
    var date = document.getElementById("closes-date");
    date.value = weekAhead();
    function showScope() {
      document.getElementById("scope-building").hidden = type.value !== "building";
      document.getElementById("scope-stairwell").hidden = type.value !== "stairwell";
    }
    template.addEventListener("change", function () {
      var scope = template.selectedOptions[0].getAttribute("data-scope");
      if (type.querySelector('option[value="' + scope + '"]')) { type.value = scope; }
      showScope();
    });
    type.addEventListener("change", showScope);
    template.dispatchEvent(new Event("change"));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var scope = { type: type.value };
      if (type.value === "building") { scope.id = parseInt(document.getElementById("building").value, 10); }
      if (type.value === "stairwell") { scope.id = parseInt(document.getElementById("stairwell").value, 10); }
      var body = {
        template: template.value, scope: scope,
        closes_at: date.value + "T" + document.getElementById("closes-time").value + ":00+08:00",
        hide_results_until_closed: document.getElementById("hide-results").checked
      };
      var title = document.getElementById("title").value.trim();
      if (title) { body.title = title; }
      GZ.api("POST", "/api/v1/estates/" + form.getAttribute("data-estate") + "/consultations", body).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        window.location.assign("/console/consultations/" + result.data.id);
      });
    });
  }

  function weekAhead() {
    var week = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    return week.getFullYear() + "-" + pad(week.getMonth() + 1) + "-" + pad(week.getDate());
  }

  /* A replaced QR code: show the new one at once. */
  function qrRotation() {
    document.querySelectorAll(".qr form").forEach(function (form) {
      form.addEventListener("gz:success", function () {
        var image = form.parentNode.querySelector("img");
        image.src = image.src.split("?")[0] + "?v=" + Date.now();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ, M = GZ.M;
    qrRotation();
    claimButtons(GZ, M);
    ledgerForm(GZ, M);
    flatCodes(GZ, M);
    lifecycleButtons(GZ);
    newConsultation(GZ);
  });
})();
