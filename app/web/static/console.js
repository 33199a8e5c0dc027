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

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ, M = GZ.M;
    claimButtons(GZ, M);
    ledgerForm(GZ, M);
    flatCodes(GZ, M);
  });
})();
