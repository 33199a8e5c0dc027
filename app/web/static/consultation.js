/* A consultation page (resident and console): conditional questions, the flat switch,
   and live results. Results are drawn from the same JSON the API's results route and
   the live `tally` event give; text is always set as text, never HTML. */
(function () {
  "use strict";

  var el = window.GZ.el;  /* app.js runs first (deferred scripts keep their order) */

  function wireForm(form) {
    window.GZ.applyConditions(form);
    form.addEventListener("change", function (event) {
      if (event.target.hasAttribute("data-flat-switch")) {
        /* another flat: load the page with that flat's own ballot filled in */
        var url = new URL(window.location.href);
        url.searchParams.set("flat", event.target.value);
        url.hash = "answer";
        window.location.assign(url.toString());
        return;
      }
      window.GZ.applyConditions(form);
    });
    form.addEventListener("submit", function (event) {
      var button = form.querySelector('[type="submit"]');
      window.setTimeout(function () {
        if (button) { button.disabled = true; }
        /* sent (not held for the review step): the answer is the next page, so a live
           reload now would only cancel the post */
        if (!event.defaultPrevented) { window.GZ.leave(); }
      }, 0);
    });
  }

  function optionLine(GZ, M, option, perResident) {
    return perResident || option.owners === undefined ?
      GZ.format(M.optionLine, { label: option.label, ballots: option.ballots }) :
      GZ.format(M.optionLineArea, { label: option.label, owners: option.owners, area: option.area_m2 });
  }

  function renderResults(box, results, order) {
    var GZ = window.GZ, M = GZ.M;
    var perResident = results.voters === "residents", explained = false;
    box.textContent = "";
    var channels = document.getElementById("channel-counts");
    if (channels && results.channels) {
      channels.textContent = GZ.format(M.consoleBallots, Object.assign({ n: results.participation.ballots }, results.channels));
    }
    var head = el("p", "result-head");
    if (results.decision) {
      head.appendChild(el("span", "badge badge-" + results.decision, M.decision[results.decision]));
      head.appendChild(document.createTextNode(" "));
    }
    head.appendChild(el("span", "participation", perResident ?
      GZ.format(M.participationSurvey, { ballots: results.participation.ballots }) :
      GZ.format(M.participation, { owners: results.participation.owners, area: results.participation.area,
        owners_percent: GZ.percent(results.participation.owners_decimal),
        area_percent: GZ.percent(results.participation.area_decimal) })));
    box.appendChild(head);
    box.appendChild(el("p", "explanation", results.explanation));
    (results.questions || []).forEach(function (question) {
      var block = el("div", "result-block");
      block.setAttribute("data-result", question.key);
      block.appendChild(el("h3", null, question.title));
      if (question.type === "text") {
        block.appendChild(el("p", "muted", GZ.format(M.textAnswers, { n: question.answers })));
      } else if (question.items) {
        question.items.forEach(function (item) {
          var line = el("p", "result-item");
          line.setAttribute("data-item", item.code);
          line.appendChild(el("span", null, GZ.format(M.itemLine, {
            label: item.label, agree: item.options.agree.ballots,
            oppose: item.options.oppose.ballots, abstain: item.options.abstain.ballots })));
          if (item.decision) {
            line.appendChild(document.createTextNode(" "));
            line.appendChild(el("span", "badge badge-" + item.decision, M.decision[item.decision]));
          }
          block.appendChild(line);
        });
      } else if (question.options) {
        var keys = (order[question.key] || []).filter(function (key) { return key in question.options; });
        Object.keys(question.options).forEach(function (key) { if (keys.indexOf(key) < 0) { keys.push(key); } });
        var total = keys.reduce(function (sum, key) { return sum + question.options[key].ballots; }, 0);
        keys.forEach(function (key) {
          var option = question.options[key];
          var row = el("div", "result-option");
          row.setAttribute("data-option", key);
          row.appendChild(el("span", "option-line", optionLine(GZ, M, option, perResident)));
          var bar = el("progress");
          bar.max = Math.max(total, 1);
          bar.value = option.ballots;
          bar.setAttribute("aria-hidden", "true");
          row.appendChild(bar);
          block.appendChild(row);
        });
        if (question.average) { block.appendChild(el("p", "muted", GZ.format(M.scaleAverage, { average: question.average }))); }
        /* more flats than owners counted (one owner's several flats, a split vote): say why */
        var heads = keys.reduce(function (sum, key) { return sum + (question.options[key].owners || 0); }, 0);
        if (!explained && !perResident && heads !== total && question.options[keys[0]].owners !== undefined) {
          explained = true;  /* once, under the first question it applies to */
          block.appendChild(el("p", "small muted split-note", M.splitNote));
        }
      }
      box.appendChild(block);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ;
    var data = JSON.parse(document.getElementById("consultation-data").textContent);
    var form = document.getElementById("ballot-form");
    if (form) { wireForm(form); }
    document.querySelectorAll("form[data-questions]").forEach(wireForm);
    var box = document.getElementById("results");
    var initial = document.getElementById("results-data");
    if (box && initial) { renderResults(box, JSON.parse(initial.textContent), data.order || {}); }
    if (data.status === "draft") { return; }
    /* the round closes by time too (no event then): take the form away at closing time */
    function closeForm() {
      var open = document.getElementById("ballot-form");
      if (!open) { return false; }
      var note = el("p", "notice", GZ.M.roundClosedLive);
      note.id = "round-closed";
      note.setAttribute("role", "status");
      open.parentNode.replaceChild(note, open);
      return true;
    }
    var left = data.closesAt ? new Date(data.closesAt).getTime() - Date.now() : -1;
    if (data.status === "open" && left > 0 && left < 2147483647) {
      window.setTimeout(function () { if (closeForm()) { data.status = "closed"; } }, left);
    }
    /* On every (re)connection, read the state over HTTP once: what changed while the
       page was not listening (a vote, a close) is not missed. */
    function refresh() {
      GZ.api("GET", "/api/v1/consultations/" + data.id + "/results").then(function (result) {
        if (!result.ok) { return; }
        if (result.data.status !== data.status) { closeForm(); GZ.reload(); return; }
        if (box && (!result.data.hidden || box.hasAttribute("data-show-hidden"))) {
          renderResults(box, result.data, data.order || {});
        }
      });
    }
    var socket = GZ.live("consultation:" + data.id, {
      tally: function (results) {
        if (results.consultation_id !== data.id || !box) { return; }
        if (results.hidden && !box.hasAttribute("data-show-hidden")) { return; }
        renderResults(box, results, data.order || {});
      },
      consultation_status: function (event) {
        if (event.id !== data.id || event.status === data.status) { return; }
        /* closed or published while I am looking: the form goes at once, then the page
           loads again with the results of a finished round (once: on the console the
           button that closed it reloads too) */
        closeForm();
        GZ.reload();
      }
    }, document.getElementById("live-state"));
    if (socket) { socket.on("connect", refresh); }
  });
})();
