/* Console, 维修资金: the ledger and every flat's sub-account read from the JSON API; an entry
   names its scope (the estate, buildings, stairwells or flats), is previewed flat by flat
   (POST …/fund-ledger/preview, which writes nothing), and is recorded only after the
   committee confirms the consequence in words. Money is typed in yuan and sent in cents. */
(function () {
  "use strict";

  var GZ, F, el;

  function toCents(text) {
    var match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(String(text || "").replace(/[,，\s]/g, ""));
    return match ? parseInt(match[1], 10) * 100 + parseInt(((match[2] || "") + "00").slice(0, 2), 10) : null;
  }

  function toYuan(cents) {
    var abs = Math.abs(cents);
    return (cents < 0 ? "-" : "") + Math.floor(abs / 100).toLocaleString("en-US") + "." + ("0" + abs % 100).slice(-2);
  }

  function row(cells, labels) {
    var tr = el("tr");
    cells.forEach(function (cell, i) {
      var td = el("td");
      if (labels && labels[i]) { td.setAttribute("data-label", labels[i]); }
      if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell; }
      tr.appendChild(td);
    });
    return tr;
  }

  function headers(table) {
    return Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent; });
  }

  function fundPage() {
    var table = document.getElementById("fund-ledger");
    if (!table) { return; }
    var estate = table.getAttribute("data-estate");
    var url = "/api/v1/estates/" + estate + "/fund-ledger";
    var titles = JSON.parse(document.getElementById("fund-votes").textContent);
    var form = document.getElementById("fund-form");
    var confirm = document.getElementById("fund-confirm");
    var preview = document.getElementById("fund-preview");
    var previewed = null;

    function showLedger(ledger) {
      document.getElementById("fund-balance").textContent = GZ.format(F.balance, { amount: toYuan(ledger.balance_cents) });
      var body = table.querySelector("tbody"), labels = headers(table);
      body.textContent = "";
      if (!ledger.entries.length) { body.appendChild(row([F.fundNone])); }
      ledger.entries.forEach(function (entry) {
        var decision = "";
        if (entry.consultation_id) {
          decision = el("a", "", titles[entry.consultation_id] || ("#" + entry.consultation_id));
          decision.href = "/console/consultations/" + entry.consultation_id;
        }
        body.appendChild(row([entry.occurred_on, F.kinds[entry.kind], toYuan(entry.amount_cents),
          toYuan(entry.balance_cents), entry.scope_label, entry.memo, decision], labels));
      });
    }

    function loadAccounts() {
      var accounts = document.getElementById("fund-accounts");
      GZ.api("GET", "/api/v1/estates/" + accounts.getAttribute("data-estate") + "/fund-accounts").then(function (r) {
        var body = accounts.querySelector("tbody"), labels = headers(accounts);
        body.textContent = "";
        (r.data || []).forEach(function (a) { body.appendChild(row([a.label, a.area_m2, toYuan(a.balance_cents)], labels)); });
      });
    }

    function ids(values) { return Array.prototype.map.call(values, function (v) { return parseInt(v, 10); }); }

    /* The scope as the API reads it, {type, id, flat_ids}: the estate; one building or
       stairwell by its id; several of them, or flats picked, as their flats. */
    function scopeOf(type) {
      if (type === "estate") { return { type: "estate" }; }
      if (type === "flats") {
        var chosen = document.getElementById("fund-flats").selectedOptions;
        return chosen.length ? { type: "flats", flat_ids: ids(Array.prototype.map.call(chosen, function (o) { return o.value; })) }
                             : { type: "flats" };  // none picked: the server says to pick
      }
      var boxes = form.querySelectorAll('input[name="' + type + '"]:checked');
      if (boxes.length === 0) { return { type: type.replace(/s$/, "") }; }
      if (boxes.length === 1) { return { type: type.replace(/s$/, ""), id: parseInt(boxes[0].value, 10) }; }
      var flats = [];
      boxes.forEach(function (box) {
        (box.getAttribute("data-flats") || "").split(",").forEach(function (v) { if (v) { flats.push(v); } });
      });
      return { type: "flats", flat_ids: ids(flats) };
    }

    function entry() {
      var cents = toCents(document.getElementById("fund-amount").value);
      if (cents === null) { return null; }
      var type = form.querySelector('input[name="scope_type"]:checked').value;
      var body = { kind: form.elements.kind.value, amount_cents: cents, scope: scopeOf(type) };
      var decision = document.getElementById("fund-decision").value;
      if (decision) { body.consultation_id = parseInt(decision, 10); }
      return body;
    }

    function reset() {
      previewed = null;
      preview.hidden = true;
      confirm.disabled = true;
      confirm.setAttribute("data-confirm", F.previewFirst);
    }

    function showPreview(result) {
      var shares = document.getElementById("fund-shares");
      var head = shares.querySelector("thead tr"), body = shares.querySelector("tbody");
      head.textContent = "";
      body.textContent = "";
      F.cols.forEach(function (c) { head.appendChild(el("th", "", c)); });
      result.flats.forEach(function (f) {
        var after = toYuan(f.after_cents) + (f.short ? "（" + F.short + "）" : "");
        body.appendChild(row([f.label, f.area_m2, toYuan(f.share_cents), toYuan(f.balance_cents), after], F.cols));
      });
      document.getElementById("fund-consequence").textContent = result.consequence;
      var check = result.decision;
      document.getElementById("fund-decision-check").textContent =
        !check.needed ? F.decisionNotNeeded : (check.ok ? GZ.format(F.decisionOk, { item: check.item_label, rule: check.rule }) : check.problem);
      preview.hidden = false;
      var fine = result.short_count === 0 && check.ok;
      confirm.disabled = !fine;
      confirm.setAttribute("data-confirm", result.consequence);
    }

    form.querySelectorAll('input[name="scope_type"]').forEach(function (radio) {
      radio.addEventListener("change", function () {
        form.querySelectorAll("[data-scope-for]").forEach(function (box) {
          box.hidden = box.getAttribute("data-scope-for") !== radio.value;
        });
      });
    });
    function changed(event) {  // the memo and the date change nothing in the split
      if (event.target.id !== "fund-memo" && event.target.id !== "fund-date") { reset(); }
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);

    document.getElementById("fund-preview-button").addEventListener("click", function () {
      GZ.clearMessages(form);
      var body = entry();
      if (!body) { GZ.showError(form, { data: { error: { message: F.moneyWrong, fields: { amount_cents: F.moneyWrong } } } }); return; }
      GZ.api("POST", url + "/preview", body).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        previewed = JSON.stringify(body);
        showPreview(result.data);
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var body = entry();
      if (!body || JSON.stringify(body) !== previewed) { reset(); GZ.showError(form, { data: { error: { message: F.previewFirst, fields: {} } } }); return; }
      body.memo = form.elements.memo.value;
      var date = document.getElementById("fund-date").value;
      if (date) { body.occurred_on = date; }
      GZ.api("POST", url, body).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        form.reset();
        reset();
        showLedger(result.data);
        loadAccounts();
      });
    });

    GZ.api("GET", url).then(function (r) { showLedger(r.data); });
    loadAccounts();
  }

  document.addEventListener("DOMContentLoaded", function () {
    GZ = window.GZ;
    el = GZ.el;
    F = JSON.parse(document.getElementById("fund-messages").textContent);
    fundPage();
  });
})();
