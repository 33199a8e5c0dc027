/* An elevator project, resident side: vote on consent, object, sign; the stage and the
   consent progress update live (Socket.IO rooms elevator:<id> and consultation:<id>). */
(function () {
  "use strict";

  var GZ, M, E, data;

  /* The answers of a vote form: single -> key, multiple -> [keys]; questions whose
     `when` condition does not hold are left out (and hidden). */
  function answersOf(form) {
    var answers = {};
    form.querySelectorAll("fieldset[data-question]").forEach(function (set) {
      if (set.hidden) { return; }
      var key = set.getAttribute("data-question");
      var chosen = Array.prototype.map.call(set.querySelectorAll("input:checked"), function (input) { return input.value; });
      if (set.getAttribute("data-type") === "multiple") {
        answers[key] = chosen;
      } else if (chosen.length) {
        answers[key] = chosen[0];
      }
    });
    return answers;
  }

  function wireVote(form) {
    GZ.applyConditions(form);
    form.addEventListener("change", function () { GZ.applyConditions(form); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var flatId = parseInt(form.getAttribute("data-flat"), 10);
      var answers = answersOf(form);
      var button = form.querySelector('[type="submit"]');
      button.disabled = true;
      GZ.api("PUT", "/api/v1/consultations/" + form.getAttribute("data-consultation") + "/ballots/mine",
             { flat_id: flatId, answers: answers }).then(function (result) {
        button.disabled = false;
        if (!result.ok) { GZ.showError(form, result); return; }
        GZ.showOk(form, GZ.format(E.voteOk, { receipt: result.data.receipt }));
        var card = form.closest(".flat-card");
        var receipt = card.querySelector(".my-receipt");
        receipt.hidden = false;
        receipt.querySelector(".my-choice").textContent = GZ.format(E.myVote, { choice: E.stances[answers.install] || "" });
        receipt.querySelector(".receipt").textContent = GZ.format(E.receipt, { receipt: result.data.receipt, version: result.data.version });
        refreshProgress();
      });
    });
  }

  function wireObjection(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var body = { flat_id: parseInt(form.getAttribute("data-flat"), 10), reason: form.elements.reason.value };
      GZ.api("POST", "/api/v1/elevator-projects/" + data.id + "/objections", body).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        GZ.showOk(form, E.objectOk);
        var card = form.closest(".flat-card");
        var list = card.querySelector(".objections");
        var item = document.createElement("li");
        item.textContent = GZ.format(E.objectionLine, { room: card.getAttribute("data-room"), reason: result.data.reason }) + " ";
        var badge = document.createElement("span");
        badge.className = "badge badge-pending";
        badge.textContent = E.objectionOpen;
        item.appendChild(badge);
        item.appendChild(document.createTextNode(" "));
        if (result.data.case_id) {
          var link = document.createElement("a");
          link.href = "/cases/" + result.data.case_id;
          link.textContent = E.objectionCase;
          item.appendChild(link);
        }
        list.appendChild(item);
        form.elements.reason.value = "";
      });
    });
  }

  function wireSign(button) {
    button.addEventListener("click", function () {
      var box = button.parentNode.querySelector(".form-error");
      box.textContent = "";
      button.disabled = true;
      GZ.api("POST", "/api/v1/elevator-projects/" + data.id + "/signatures",
             { flat_id: parseInt(button.getAttribute("data-sign"), 10) }).then(function (result) {
        if (!result.ok) { button.disabled = false; box.textContent = result.data.error.message; return; }
        button.hidden = true;
        button.closest(".flat-card").querySelector(".signed").hidden = false;
        box.textContent = "";
      });
    });
  }

  /* A new stage: the marker, the sentence, and which actions the page offers. */
  function showStage(stage) {
    if (data.stages.indexOf(stage) < 0 || stage === data.stage) { return; }
    data.stage = stage;
    var index = data.stages.indexOf(stage);
    document.querySelectorAll("[data-stage-item]").forEach(function (item) {
      var at = data.stages.indexOf(item.getAttribute("data-stage-item"));
      item.className = at < index ? "done" : (at === index ? "current" : "todo");
      if (at === index) { item.setAttribute("aria-current", "step"); } else { item.removeAttribute("aria-current"); }
    });
    document.getElementById("stage-label").textContent = data.labels[stage];
    document.getElementById("stage-hint").textContent = E.stageHints[stage] || "";
    document.getElementById("stage-notice").textContent = GZ.format(E.stageNow, { stage: data.labels[stage] });
    document.querySelectorAll("[data-stage-show]").forEach(function (part) {
      part.hidden = part.getAttribute("data-stage-show") !== stage;
    });
    refreshProgress();
  }

  /* The progress block is rendered by the server (the same template as the page). */
  function refreshProgress() {
    fetch("/elevators/" + data.id + "/progress", { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null) { document.getElementById("progress").innerHTML = html; }
    }, function () { /* offline: the next update or a reload shows it */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    GZ = window.GZ;
    M = GZ.M;
    E = JSON.parse(document.getElementById("elevator-messages").textContent);
    data = JSON.parse(document.getElementById("elevator-data").textContent);
    document.querySelectorAll(".vote-form").forEach(wireVote);
    document.querySelectorAll(".objection-form").forEach(wireObjection);
    document.querySelectorAll("[data-sign]").forEach(wireSign);

    var rooms = ["elevator:" + data.id].concat(data.consultationId ? ["consultation:" + data.consultationId] : []);
    var socket = GZ.live(rooms, {
      elevator_stage: function (event) { if (event.id === data.id) { showStage(event.stage); } },
      tally: function (event) { if (event.consultation_id === data.consultationId) { refreshProgress(); } },
      consultation_status: function (event) {
        if (event.id !== data.consultationId) { return; }
        /* the consent round closed while I look: the vote form goes at once, saying why */
        if (event.status !== "open") {
          document.querySelectorAll(".vote-form").forEach(function (form) {
            var note = GZ.el("p", "notice round-closed", M.roundClosedLive);
            note.setAttribute("role", "status");
            form.parentNode.replaceChild(note, form);
          });
          if (data.stage === "consent") { document.getElementById("stage-hint").textContent = E.consentClosed; }
        }
        refreshProgress();
      }
    }, document.getElementById("live-state"));
    window.GZ_ELEVATOR = { socket: socket, data: data, M: M };
  });
})();
