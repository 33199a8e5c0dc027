/* Console, 加装电梯: propose a project, close its consent round, advance its stage
   (a refusing guard's Chinese reason is shown), and try other shares (what-if). */
(function () {
  "use strict";

  var GZ, E;

  /* "350000" or "350,000.5" yuan -> integer cents, exactly (no floating point); null if unreadable. */
  function cents(text) {
    var value = String(text || "").replace(/[,，\s]/g, "");
    var match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(value);
    if (!match) { return null; }
    return parseInt(match[1], 10) * 100 + parseInt(((match[2] || "") + "00").slice(0, 2), 10);
  }

  /* "2=0.4" per line -> {"2": "0.4"}; the server checks the numbers themselves. */
  function coefficients(text) {
    var table = {};
    var lines = String(text || "").split(/\r?\n/);
    for (var i = 0; i < lines.length; i += 1) {
      var line = lines[i].trim();
      if (!line) { continue; }
      var match = /^(\d{1,3})\s*[=＝:：]\s*(\S+)$/.exec(line);
      if (!match) { return null; }
      table[match[1]] = match[2];
    }
    return table;
  }

  function yuan(value) {
    var sign = value < 0 ? "-" : "";
    var abs = Math.abs(value);
    var whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return sign + whole + "." + ("0" + (abs % 100)).slice(-2);
  }

  function fail(form, message, field) {
    GZ.showError(form, { data: { error: { message: message, fields: field ? { [field]: message } : {} } } });
  }

  function planOf(form) {
    var body = {};
    var total = cents(form.elements.total.value);
    if (total === null) { fail(form, E.moneyInvalid, "total_cost_cents"); return null; }
    body.total_cost_cents = total;
    var subsidy = form.elements.subsidy.value.trim() === "" ? 0 : cents(form.elements.subsidy.value);
    if (subsidy === null) { fail(form, E.moneyInvalid, "subsidy_cents"); return null; }
    body.subsidy_cents = subsidy;
    var table = coefficients(form.elements.coefficients.value);
    if (table === null) { fail(form, E.coefficientsInvalid, "floor_coefficients"); return null; }
    body.floor_coefficients = table;
    return body;
  }

  function wireCreate(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var body = planOf(form);
      if (!body) { return; }
      body.publicity_days = parseInt(form.elements.publicity_days.value, 10);
      /* the round closes at the end of the chosen day, Beijing time */
      body.closes_at = form.elements.closes_on.value + "T23:59:00+08:00";
      var stairwell = form.elements.stairwell.value;
      GZ.api("POST", "/api/v1/stairwells/" + stairwell + "/elevator-projects", body).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        GZ.showOk(form, E.created);
        window.location.assign("/console/estates/" + form.getAttribute("data-estate") + "/elevators/" + result.data.id);
      });
    });
  }

  function wireClose(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      GZ.api("POST", "/api/v1/consultations/" + form.getAttribute("data-consultation") + "/close", {}).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        GZ.showOk(form, E.closedOk);
        window.setTimeout(window.GZ.reload, 600);
      });
    });
  }

  function wireAdvance(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var button = form.querySelector('[type="submit"]');
      button.disabled = true;
      var body = { to: form.getAttribute("data-to") };
      if (form.elements.note.value.trim()) { body.note = form.elements.note.value.trim(); }
      GZ.api("POST", "/api/v1/elevator-projects/" + form.getAttribute("data-project") + "/advance", body).then(function (result) {
        button.disabled = false;
        if (!result.ok) { GZ.showError(form, result); return; }
        GZ.showOk(form, GZ.format(E.advanced, { stage: result.data.stage_label }));
        window.setTimeout(window.GZ.reload, 600);
      });
    });
  }

  function wireWhatIf(form) {
    var now = {};
    document.querySelectorAll("#shares tbody tr").forEach(function (row) {
      now[row.getAttribute("data-flat")] = row.querySelector(".num").textContent;
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var body = planOf(form);
      if (!body) { return; }
      GZ.api("POST", "/api/v1/elevator-projects/" + form.getAttribute("data-project") + "/cost-shares/what-if", body).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        var table = document.getElementById("what-if-result");
        var tbody = table.querySelector("tbody");
        tbody.textContent = "";
        var sum = 0;
        result.data.shares.forEach(function (share) {
          var row = document.createElement("tr");
          row.setAttribute("data-flat", share.flat_id);
          [share.room, share.coefficient, now[share.flat_id] || "", yuan(share.share_cents)].forEach(function (text, i) {
            var cell = document.createElement("td");
            cell.textContent = text;
            if (i >= 2) { cell.className = "num"; }
            row.appendChild(cell);
          });
          sum += share.share_cents;
          tbody.appendChild(row);
        });
        document.getElementById("what-if-sum").textContent = GZ.format(E.whatIfSum, { amount: yuan(sum) });
        table.hidden = false;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    GZ = window.GZ;
    E = JSON.parse(document.getElementById("elevator-messages").textContent);
    var create = document.getElementById("elevator-new");
    if (create) { wireCreate(create); }
    var close = document.getElementById("close-round");
    if (close) { wireClose(close); }
    var advance = document.getElementById("advance");
    if (advance) { wireAdvance(advance); }
    var whatIf = document.getElementById("what-if");
    if (whatIf) { wireWhatIf(whatIf); }
  });
})();
