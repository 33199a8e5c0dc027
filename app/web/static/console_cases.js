/* Console, 一事一议: open a case for residents (its stairwells' flats), record a meeting,
   open the resolution vote. Hiding, 恢复, locking and closing are app.js data-api forms. */
(function () {
  "use strict";

  function send(GZ, form, url, body, then) {
    GZ.clearMessages(form);
    GZ.api("POST", url, body).then(function (result) {
      if (!result.ok) { GZ.showError(form, result); return; }
      then(result.data);
    });
  }

  function lines(text) {
    return String(text || "").split(/\r?\n/).map(function (line) { return line.trim(); })
      .filter(function (line) { return line; });
  }

  function wireNewCase(GZ) {
    var form = document.getElementById("new-case");
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var flats = [];
      form.querySelectorAll("input[name=stairwell]:checked").forEach(function (box) {
        flats = flats.concat(JSON.parse(box.getAttribute("data-flats")));
      });
      var body = { title: form.elements.title.value, description: form.elements.description.value,
                   affected_flat_ids: flats };
      send(GZ, form, "/api/v1/estates/" + form.getAttribute("data-estate") + "/cases", body, function (data) {
        window.location.assign("/console/cases/" + data.id);
      });
    });
  }

  function wireMeeting(GZ) {
    var form = document.getElementById("meeting-form");
    if (!form) { return; }
    var date = document.getElementById("meeting-date");
    if (!date.value) { date.value = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }); }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = {
        held_at: date.value + "T" + document.getElementById("meeting-time").value + ":00+08:00",
        place: form.elements.place.value, minutes: form.elements.minutes.value,
        attendees: lines(document.getElementById("meeting-attendees").value)
      };
      if (form.elements.agreement.value.trim()) { body.agreement = form.elements.agreement.value; }
      send(GZ, form, "/api/v1/cases/" + form.getAttribute("data-case") + "/meetings", body, function () {
        window.location.reload();
      });
    });
  }

  function wireResolution(GZ) {
    var form = document.getElementById("resolution-form");
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { rule: form.elements.rule.value,
                   closes_at: document.getElementById("resolution-closes").value + "T23:59:00+08:00" };
      if (form.elements.title.value.trim()) { body.title = form.elements.title.value; }
      send(GZ, form, "/api/v1/cases/" + form.getAttribute("data-case") + "/resolution", body, function () {
        window.location.reload();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ;
    wireNewCase(GZ);
    wireMeeting(GZ);
    wireResolution(GZ);
  });
})();
