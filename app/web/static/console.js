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

  /* Upload with a progress bar and its words (XMLHttpRequest: fetch reports no upload
     progress); once the file is up, the bar runs without an end while the server reads it. */
  function upload(url, form, bar, words, after) {
    var C = JSON.parse(document.getElementById("console-messages").textContent);
    function say(text) { words.hidden = !text; words.textContent = text || ""; }
    return new Promise(function (resolve) {
      var request = new XMLHttpRequest();
      request.open("POST", url);
      request.setRequestHeader("Accept", "application/json");
      request.setRequestHeader("X-CSRF-Token", document.querySelector('meta[name="csrf-token"]').content);
      bar.hidden = false;
      bar.value = 0;
      say(window.GZ.format(C.uploadPercent, { percent: 0 }));
      request.upload.onprogress = function (event) {
        if (!event.lengthComputable) { return; }
        bar.value = 100 * event.loaded / event.total;
        say(window.GZ.format(C.uploadPercent, { percent: Math.floor(bar.value) }));
      };
      request.upload.onload = function () { bar.removeAttribute("value"); say(after); };
      function done(result) { bar.hidden = true; say(""); resolve(result); }
      request.onload = function () {
        var data = null;
        try { data = JSON.parse(request.responseText); } catch (ignored) { data = { error: { message: window.GZ.M.network } }; }
        done({ ok: request.status < 300, status: request.status, data: data });
      };
      request.onerror = function () { done({ ok: false, data: { error: { message: window.GZ.M.network } } }); };
      var body = new FormData();
      body.append("file", form.elements.file.files[0] || new Blob([]), (form.elements.file.files[0] || {}).name || "");
      request.send(body);
    });
  }

  /* 台账: check first (?preview=1: every problem named by sheet, row and column in Chinese,
     or what was read and what would change, as tables; nothing written), then import. */
  function ledgerForm(GZ, M) {
    var form = document.getElementById("ledger-form");
    if (!form) { return; }
    var C = JSON.parse(document.getElementById("console-messages").textContent);
    var list = form.querySelector(".row-errors");
    var tables = document.getElementById("ledger-tables");
    var bar = document.getElementById("ledger-progress");
    var importButton = document.getElementById("ledger-import");
    function problems(items, count) {
      items.forEach(function (p) { list.appendChild(GZ.el("li", "", GZ.format(C.ledgerProblem, p))); });
      form.querySelector(".form-error").textContent = GZ.format(C.ledgerBadRows, { n: count });
    }
    function send(preview) {
      GZ.clearMessages(form);
      list.textContent = "";
      tables.textContent = "";
      importButton.hidden = true;
      var consent = form.elements.id_number_consent && form.elements.id_number_consent.checked;
      return upload(form.getAttribute("data-url") + (preview ? "?preview=1" : (consent ? "?id_number_consent=true" : "")), form, bar,
                    document.getElementById("ledger-progress-text"), preview ? C.checking : C.writing).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        var data = result.data;
        if (!preview) { GZ.showOk(form, GZ.format(M.ledgerDone, data)); return; }
        if (data.problem_count) { problems(data.problems, data.problem_count); return; }
        var counts = data.changes.counts;
        GZ.showOk(form, GZ.format(C.ledgerPreview, { created: counts.added, updated: counts.changed, removed: counts.removed }));
        window.GZLedger.render(GZ, C, tables, data);
        importButton.hidden = false;
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); send(true); });
    form.elements.file.addEventListener("change", function () { importButton.hidden = true; tables.textContent = ""; GZ.clearMessages(form); });
    importButton.addEventListener("click", function () { send(false); });
  }

  /* 过户: the form posts to the picked flat's address */
  function transferForm() {
    var form = document.getElementById("transfer-form");
    if (!form) { return; }
    var pick = document.getElementById("transfer-flat");
    function point() { form.setAttribute("data-api", form.getAttribute("data-api-pattern").replace("{flat}", pick.value || "0")); }
    pick.addEventListener("change", point);
    point();
  }

  /* 户码: a CSV of new codes, for every flat or for the flats ticked in one stairwell */
  function issueCodes(GZ, M, form, body) {
    var estate = form.getAttribute("data-estate");
    GZ.api("POST", "/api/v1/estates/" + estate + "/flat-codes", body).then(function (result) {
      if (!result.ok) { GZ.showError(form, result); return; }
      var link = document.createElement("a");
      link.href = URL.createObjectURL(result.data);
      link.download = "flat-codes-" + estate + ".csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
      GZ.showOk(form, M.flatCodesDone);
    });
  }

  function flatCodes(GZ, M) {
    var form = document.getElementById("flat-codes-form");
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      issueCodes(GZ, M, form, {});
    });
    var some = document.getElementById("flat-codes-some");
    var box = document.getElementById("codes-flats");
    document.getElementById("codes-stairwell").addEventListener("change", function (event) {
      box.textContent = "";
      if (!event.target.value) { return; }
      GZ.api("GET", "/api/v1/stairwells/" + event.target.value + "/flats").then(function (result) {
        (result.ok ? result.data : []).forEach(function (flat) {
          var label = GZ.el("label", "pick");
          var tick = GZ.el("input");
          tick.type = "checkbox"; tick.value = flat.id;
          label.appendChild(tick);
          label.appendChild(GZ.el("span", "", flat.room));
          if (flat.verified_owner) { label.appendChild(GZ.el("small", "muted", box.getAttribute("data-verified"))); }
          box.appendChild(label);
        });
      });
    });
    some.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(some);
      var ids = [];
      box.querySelectorAll("input:checked").forEach(function (tick) { ids.push(parseInt(tick.value, 10)); });
      if (!ids.length) {
        GZ.showError(some, { data: { error: { message: box.getAttribute("data-none"), fields: { flat_ids: box.getAttribute("data-none") } } } });
        return;
      }
      issueCodes(GZ, M, some, { flat_ids: ids });
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
          GZ.reload();  // once, whichever comes first: this answer or the live status event
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

  /* A confirmation that names what the form is about to record (data-confirm-format:
     {field} is the field's value as typed, or the chosen option's data-short or text), so
     the person reads the amount and the flat or purpose before money is counted. */
  function confirmText(button) {
    var pattern = button.getAttribute("data-confirm-format");
    if (!pattern || !button.form) { return button.getAttribute("data-confirm"); }
    var blank = false;
    var text = pattern.replace(/\{(\w+)\}/g, function (all, name) {
      var field = button.form.elements[name];
      if (!field) { return all; }
      if (field.tagName === "SELECT") {
        var option = field.options[field.selectedIndex];
        return option ? (option.getAttribute("data-short") || option.textContent).trim() : "—";
      }
      var typed = String(field.value || "").trim();
      blank = blank || (!typed && (field.hasAttribute("data-cents") || field.required));
      return typed || "—";
    });
    /* an amount or another field the record needs (required) is empty: nothing to confirm
       yet; the form is sent as it is and the server names what is missing (nothing is
       recorded), rather than asking "0 元?" or "凭证号 —?" first */
    return blank ? null : text;
  }

  /* Every irreversible or public act asks first, in the page's own dialog (never
     window.confirm): a tap on a [data-confirm] button is held, the dialog states the
     consequence, and only "确定" lets the same tap through to the button's own handler
     (or its form's submit). */
  function wireConfirm() {
    var dialog = document.getElementById("confirm-dialog");
    if (!dialog) { return; }
    var pending = null;
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-confirm]") : null;
      if (!button || button.disabled) { return; }
      if (button.getAttribute("data-confirmed") === "1") { button.removeAttribute("data-confirmed"); return; }
      var question = confirmText(button);
      if (question === null) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      pending = button;
      document.getElementById("confirm-text").textContent = question;
      document.getElementById("confirm-ok").textContent = button.textContent.trim();
      dialog.returnValue = "";
      dialog.showModal();
      document.getElementById("confirm-back").focus();
    }, true);
    dialog.addEventListener("close", function () {
      var button = pending;
      pending = null;
      if (dialog.returnValue === "ok" && button) {
        button.setAttribute("data-confirmed", "1");
        button.click();
      }
    });
  }

  /* Each table cell names its column (data-label, from the header) so that below 600 px
     the rows read as cards (console.css); rows added later by a script are labelled too. */
  function labelTables(root) {
    root.querySelectorAll("table.table").forEach(function (table) {
      var names = [];
      table.querySelectorAll("thead th").forEach(function (th) {
        for (var i = 0; i < (th.colSpan || 1); i += 1) { names.push(th.textContent.trim()); }
      });
      table.querySelectorAll("tbody tr, tfoot tr").forEach(function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute("data-label") && names[column] && (cell.colSpan || 1) === 1) {
            cell.setAttribute("data-label", names[column]);
          }
          column += cell.colSpan || 1;
        });
      });
    });
  }

  function watchTables() {
    labelTables(document);
    var main = document.getElementById("main");
    if (main && window.MutationObserver) {
      new MutationObserver(function () { labelTables(main); }).observe(main, { childList: true, subtree: true });
    }
  }

  /* the section menus: opening one closes the others, so their links never overlap */
  function navGroups() {
    var groups = document.querySelectorAll(".nav-group");
    groups.forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (!group.open) { return; }
        groups.forEach(function (other) { if (other !== group) { other.open = false; } });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ, M = GZ.M;
    navGroups();
    wireConfirm();
    watchTables();
    qrRotation();
    claimButtons(GZ, M);
    ledgerForm(GZ, M);
    transferForm();
    flatCodes(GZ, M);
    lifecycleButtons(GZ);
    newConsultation(GZ);
  });
})();
