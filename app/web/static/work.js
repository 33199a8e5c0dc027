/* Resident pages of the works: a project's items with their status, progress and timeline,
   the project's progress weighted by cost and its joint acceptance; a closed vote's
   preliminary result: how my own flats are recorded, and an objection on one (询异).
   Read from and sent to the JSON API; text set as text, never HTML. */
(function () {
  "use strict";

  var GZ, C, el;

  function work(box) {
    var pid = box.getAttribute("data-project");
    GZ.api("GET", "/api/v1/projects/" + pid).then(function (result) {
      if (!result.ok) { return; }
      var p = result.data, list = document.getElementById("work-items");
      document.getElementById("work-progress").textContent = GZ.format(C.progress, { percent: p.progress.percent });
      p.items.forEach(function (item) {
        var li = el("li", "work-item");
        li.appendChild(el("strong", "", item.label + "：" + item.status_label + " " + item.progress_percent + "%"));
        var meter = el("progress");
        meter.max = 100;
        meter.value = item.progress_percent;
        li.appendChild(meter);
        var timeline = el("ul", "timeline");
        item.timeline.forEach(function (entry) {
          timeline.appendChild(el("li", "muted", GZ.cnTime(entry.created_at) + " " + entry.status_label + " " +
            entry.progress_percent + "%" + (entry.note ? "：" + entry.note : "")));
        });
        li.appendChild(timeline);
        list.appendChild(li);
      });
      if (p.acceptance) {
        var done = document.getElementById("acceptance-done");
        done.hidden = false;
        done.textContent = GZ.format(C.accepted, { date: GZ.cnDate(p.acceptance.held_on), units: p.acceptance.units,
          conclusion: p.acceptance.conclusion,
          names: p.acceptance.signatures.map(function (s) { return s.name_masked; }).join("、") });
      }
    });
  }

  function objectionForm(id, flat, reload) {
    var form = el("form", "objection-form");
    form.noValidate = true;
    var area = el("textarea");
    area.id = "objection-" + flat.flat_id;
    area.rows = 3;
    area.maxLength = 2000;
    var label = el("label", "", C.reason);
    label.htmlFor = area.id;
    var fieldError = el("p", "field-error");
    fieldError.setAttribute("data-error-for", "reason");
    fieldError.setAttribute("role", "alert");
    /* the consequence in words, before the button */
    var consequence = el("p", "notice", C.confirmObjection);
    var button = el("button", "btn primary", C.submit);
    button.type = "submit";
    var error = el("p", "form-error");
    error.setAttribute("role", "alert");
    [label, area, fieldError, consequence, button, error].forEach(function (node) { form.appendChild(node); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      GZ.api("POST", "/api/v1/consultations/" + id + "/objections", { flat_id: flat.flat_id, reason: area.value })
        .then(function (result) {
          if (!result.ok) { GZ.showError(form, result); return; }
          reload();
        });
    });
    return form;
  }

  function preliminary(box) {
    var id = box.getAttribute("data-consultation");
    function load() {
      GZ.api("GET", "/api/v1/consultations/" + id + "/objections").then(function (result) {
        if (!result.ok) { return; }
        var data = result.data, records = document.getElementById("my-records"),
          mine = document.getElementById("my-objections");
        document.getElementById("preliminary-period").textContent = data.objection_days ?
          GZ.format(C.period, { until: GZ.cnTime(data.preliminary_until) }) : C.noPeriod;
        records.textContent = "";
        mine.textContent = "";
        data.my_flats.forEach(function (flat) {
          var line = flat.recorded ? GZ.format(C.recorded, { room: flat.room, who: flat.cast_by })
            : GZ.format(C.notRecorded, { room: flat.room });
          records.appendChild(el("p", "", line));
          if (data.in_period && !flat.objection_id) { records.appendChild(objectionForm(id, flat, load)); }
        });
        data.objections.forEach(function (o) {
          mine.appendChild(el("p", "", GZ.format(C.objection, { room: o.room, status: o.status_label, reason: o.reason })));
          if (o.resolution) { mine.appendChild(el("p", "muted", GZ.format(C.resolved, { resolution: o.resolution }))); }
          if (o.correction) { mine.appendChild(el("p", "correction", GZ.format(C.corrected, { action: o.correction.action_label }))); }
        });
      });
    }
    load();
  }

  document.addEventListener("DOMContentLoaded", function () {
    GZ = window.GZ;
    el = GZ.el;
    var texts = document.getElementById("work-messages");
    if (!texts) { return; }
    C = JSON.parse(texts.textContent);
    var box = document.getElementById("work");
    if (box) { work(box); }
    box = document.getElementById("preliminary");
    if (box) { preliminary(box); }
  });
})();
