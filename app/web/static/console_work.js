/* Console of the works: a content vote's budget cap, objections to its preliminary result
   (询异) and their resolution; a project's items (status, progress, timeline), its weighted
   progress, the joint acceptance (联合验收) and what the next phase still lacks. Everything
   read from and changed through the JSON API; text set as text, never HTML. */
(function () {
  "use strict";

  var GZ, C, el;

  function toCents(text) {
    var match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(String(text || "").replace(/[,，\s]/g, ""));
    return match ? parseInt(match[1], 10) * 100 + parseInt(((match[2] || "") + "00").slice(0, 2), 10) : null;
  }

  function toYuan(cents) {
    return Math.floor(cents / 100).toLocaleString("en-US") + "." + ("0" + cents % 100).slice(-2);
  }

  function submit(form, handler) {
    form.addEventListener("submit", function (event) { event.preventDefault(); GZ.clearMessages(form); handler(); });
  }

  function send(form, method, url, body, then) {
    GZ.api(method, url, body).then(function (result) {
      if (!result.ok) { GZ.showError(form, result); return; }
      then(result.data);
    });
  }

  function budgetCap() {
    var form = document.getElementById("budget-cap");
    if (!form) { return; }
    var id = form.getAttribute("data-consultation");
    submit(form, function () {
      var text = document.getElementById("budget-cap-yuan").value.trim();
      var cents = text ? toCents(text) : null;
      if (text && !cents) {
        GZ.showError(form, { data: { error: { message: C.moneyWrong, fields: { budget_cap_cents: C.moneyWrong } } } });
        return;
      }
      send(form, "PUT", "/api/v1/consultations/" + id + "/budget-cap", { budget_cap_cents: cents }, function (c) {
        document.getElementById("budget-cap-now").textContent = c.budget_cap_cents ?
          GZ.format(C.capNow, { amount: toYuan(c.budget_cap_cents) }) : C.capNone;
        GZ.showOk(form, GZ.M.saved || "已保存");
      });
    });
  }

  function resolveForm(objection, reload) {
    var form = el("form", "resolve");
    form.noValidate = true;
    var label = el("label", "", C.resolution);
    var area = el("textarea");
    area.id = "resolution-" + objection.id;
    area.rows = 2;
    label.htmlFor = area.id;
    var error = el("p", "form-error");
    error.setAttribute("role", "alert");
    // upheld about the flat's ballot: void it (the resolution is the reason)
    var actionLabel = el("label", "", C.ballotAction);
    var action = el("select");
    action.id = "ballot-action-" + objection.id;
    actionLabel.htmlFor = action.id;
    Object.keys(C.ballotActions).forEach(function (key) {
      var option = el("option", "", C.ballotActions[key]);
      option.value = key;
      action.appendChild(option);
    });
    var button = el("button", "btn", C.resolve);
    button.type = "submit";
    button.setAttribute("data-confirm", C.confirmResolve);
    [label, area, actionLabel, action, button, error].forEach(function (node) { form.appendChild(node); });
    submit(form, function () {
      var body = { resolution: area.value };
      if (action.value) { body.ballot_action = action.value; }
      send(form, "POST", "/api/v1/result-objections/" + objection.id + "/resolve", body, reload);
    });
    return form;
  }

  function objections() {
    var box = document.getElementById("objections");
    if (!box) { return; }
    var id = box.getAttribute("data-consultation");
    function load() {
      GZ.api("GET", "/api/v1/consultations/" + id + "/objections").then(function (result) {
        if (!result.ok) { return; }
        var data = result.data, list = document.getElementById("objections-list");
        document.getElementById("objections-period").textContent = data.objection_days ?
          GZ.format(C.period, { until: GZ.cnTime(data.preliminary_until) }) : C.noPeriod;
        list.textContent = "";
        if (!data.objections.length) { list.appendChild(el("p", "muted", C.none)); }
        data.objections.forEach(function (o) {
          var item = el("div", "objection");
          item.appendChild(el("p", "", GZ.format(C.objection, { room: o.room, status: o.status_label, reason: o.reason })));
          if (o.case_id) {
            var link = el("a", "", C["case"] + " ›");
            link.href = "/console/cases/" + o.case_id;
            item.appendChild(link);
          }
          if (o.status === "open") {
            item.appendChild(resolveForm(o, load));
            var correct = el("a", "btn", C.correctLink + " ›");
            correct.href = "/console/result-objections/" + o.id + "/correct";
            item.appendChild(correct);
          }
          else { item.appendChild(el("p", "muted", GZ.format(C.resolved, { resolution: o.resolution }))); }
          if (o.correction) { item.appendChild(el("p", "correction", GZ.format(C.corrected, { action: o.correction.action_label }))); }
          list.appendChild(item);
        });
      });
    }
    load();
  }

  function itemForm(pid, item, reload) {
    var form = el("form", "item-update");
    form.noValidate = true;
    var select = el("select");
    select.id = "item-status-" + item.id;
    Object.keys(C.statuses).forEach(function (key) {
      var option = el("option", "", C.statuses[key]);
      option.value = key;
      option.selected = key === item.status;
      select.appendChild(option);
    });
    var progress = el("input");
    progress.id = "item-progress-" + item.id;
    progress.type = "number";
    progress.min = "0";
    progress.max = "100";
    progress.value = item.progress_percent;
    var note = el("input");
    note.id = "item-note-" + item.id;
    note.maxLength = 2000;
    [[C.status, select], [C.progressLabel, progress], [C.note, note]].forEach(function (pair) {
      var label = el("label", "", pair[0]);
      label.htmlFor = pair[1].id;
      form.appendChild(label);
      form.appendChild(pair[1]);
    });
    var fieldError = el("p", "field-error");
    fieldError.setAttribute("data-error-for", "progress_percent");
    fieldError.setAttribute("role", "alert");
    form.appendChild(fieldError);
    var button = el("button", "btn", C.save);
    button.type = "submit";
    form.appendChild(button);
    var error = el("p", "form-error");
    error.setAttribute("role", "alert");
    form.appendChild(error);
    submit(form, function () {
      send(form, "POST", "/api/v1/projects/" + pid + "/items/" + item.id + "/updates",
        { status: select.value, progress_percent: parseInt(progress.value, 10), note: note.value }, reload);
    });
    return form;
  }

  function work() {
    var box = document.getElementById("work");
    if (!box) { return; }
    var pid = box.getAttribute("data-project");
    function load() {
      GZ.api("GET", "/api/v1/projects/" + pid).then(function (result) {
        if (!result.ok) { return; }
        var p = result.data, list = document.getElementById("work-items");
        document.getElementById("work-progress").textContent = GZ.format(C.progress, { percent: p.progress.percent });
        list.textContent = "";
        p.items.forEach(function (item) {
          var card = el("div", "work-item");
          card.appendChild(el("h3", "", item.label + "（" + item.status_label + "，" + item.progress_percent + "%）"));
          card.appendChild(el("p", "muted", GZ.format(C.cost, { amount: toYuan(item.estimated_cost_cents) })));
          var meter = el("progress");
          meter.max = 100;
          meter.value = item.progress_percent;
          card.appendChild(meter);
          if (item.status !== "completed" && item.status !== "cancelled") { card.appendChild(itemForm(pid, item, load)); }
          list.appendChild(card);
        });
        var missing = document.getElementById("next-missing");
        missing.hidden = !p.next_phase_missing.length;
        missing.textContent = C.missing + p.next_phase_missing.join("；");
        var done = document.getElementById("acceptance-done"), form = document.getElementById("acceptance");
        if (p.acceptance) {
          done.hidden = false;
          form.hidden = true;
          done.textContent = GZ.format(C.accepted, { date: GZ.cnDate(p.acceptance.held_on), units: p.acceptance.units,
            conclusion: p.acceptance.conclusion,
            names: p.acceptance.signatures.map(function (s) { return s.name_masked; }).join("、") });
        }
      });
    }
    load();
    var form = document.getElementById("acceptance");
    submit(form, function () {
      var reps = [];
      form.querySelectorAll("fieldset.rep").forEach(function (set) {
        var flat = set.querySelector("[data-rep-flat]").value, name = set.querySelector("[data-rep-name]").value.trim();
        if (flat || name) { reps.push({ flat_id: parseInt(flat, 10) || 0, name: name }); }
      });
      send(form, "POST", "/api/v1/projects/" + pid + "/acceptance", { held_on: form.elements.held_on.value,
        units: form.elements.units.value, conclusion: form.elements.conclusion.value, representatives: reps }, load);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    GZ = window.GZ;
    el = GZ.el;
    var texts = document.getElementById("work-messages");
    if (!texts) { return; }
    C = JSON.parse(texts.textContent);
    budgetCap();
    objections();
    work();
  });
})();
