/* Console, 一事一议: open a case for residents (its stairwells' flats), schedule a meeting
   (the affected flats are told), record its minutes and attendance (or a meeting held
   without notice), open the resolution vote. Hiding, 恢复, locking and closing are app.js data-api forms. */
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

  function today() { return new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }); }

  /* the date and time inputs of a form, as Beijing time */
  function whenOf(prefix) {
    return document.getElementById(prefix + "-date").value + "T" +
      document.getElementById(prefix + "-time").value + ":00+08:00";
  }

  function wireMeeting(GZ) {
    var form = document.getElementById("meeting-form");
    if (!form) { return; }
    var date = document.getElementById("meeting-date");
    if (!date.value) { date.value = today(); }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = {
        held_at: whenOf("meeting"),
        place: form.elements.place.value, minutes: form.elements.minutes.value,
        attendees: lines(document.getElementById("meeting-attendees").value)
      };
      if (form.elements.agreement.value.trim()) { body.agreement = form.elements.agreement.value; }
      send(GZ, form, "/api/v1/cases/" + form.getAttribute("data-case") + "/meetings", body, function () {
        window.GZ.reload();
      });
    });
  }

  /* 安排会议: ahead, with the agenda; the affected flats are told */
  function wireSchedule(GZ) {
    var form = document.getElementById("schedule-form");
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { held_at: whenOf("schedule"), place: form.elements.place.value,
                   agenda: form.elements.agenda.value };
      send(GZ, form, "/api/v1/cases/" + form.getAttribute("data-case") + "/scheduled-meetings", body, function () {
        window.GZ.reload();
      });
    });
  }

  /* 会后记录: the minutes and who came, for a scheduled meeting */
  function wireMinutes(GZ) {
    document.querySelectorAll("form.minutes-form").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var body = { minutes: form.elements.minutes.value, attendees: lines(form.elements.attendees.value) };
        if (form.elements.agreement.value.trim()) { body.agreement = form.elements.agreement.value; }
        if (form.elements.held_at.value) { body.held_at = form.elements.held_at.value + ":00+08:00"; }
        send(GZ, form, "/api/v1/case-meetings/" + form.getAttribute("data-meeting") + "/minutes", body, function () {
          window.GZ.reload();
        });
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
      if (form.elements.proposal.value.trim()) { body.proposal = form.elements.proposal.value; }
      send(GZ, form, "/api/v1/cases/" + form.getAttribute("data-case") + "/resolution", body, function () {
        window.GZ.reload();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ;
    wireNewCase(GZ);
    wireMeeting(GZ);
    wireSchedule(GZ);
    wireMinutes(GZ);
    wireResolution(GZ);
  });
})();
