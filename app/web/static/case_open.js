/* Opening a 一事一议 case (app/web/cases_open.py): the affected flats are picked building →
   stairwell → room; the picks of several stairwells add up. Text is set as text. */
(function () {
  "use strict";

  var GZ = window.GZ, M = GZ.M, el = GZ.el;

  function chip(label, pressed) {
    var button = el("button", "btn small-btn", label);
    button.type = "button";
    button.setAttribute("aria-pressed", pressed ? "true" : "false");
    return button;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("case-form");
    if (!form) { return; }
    var picker = document.getElementById("flat-picker");
    var buildingsBox = document.getElementById("pick-buildings");
    var stairwellsBox = document.getElementById("pick-stairwells");
    var roomsBox = document.getElementById("pick-rooms");
    var picked = {};  /* flat id -> "1号楼 1单元 302" */

    function summary() {
      var labels = Object.keys(picked).map(function (id) { return picked[id]; });
      document.getElementById("picked").textContent = labels.length ?
        GZ.format(M.casePicked, { n: labels.length, rooms: labels.join("、") }) : M.casePickedNone;
    }

    function press(box, button) {
      box.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
    }

    function showRooms(stairwellId) {
      GZ.api("GET", "/api/v1/stairwells/" + stairwellId + "/rooms").then(function (result) {
        roomsBox.textContent = "";
        if (!result.ok) { roomsBox.appendChild(el("p", "form-error", result.data.error.message)); return; }
        var place = result.data.building.name + " " + result.data.stairwell.name + " ";
        result.data.rooms.forEach(function (room) {
          var label = el("label", "pick");
          var box = el("input");
          box.type = "checkbox";
          box.value = room.flat_id;
          box.checked = room.flat_id in picked;
          box.addEventListener("change", function () {
            if (box.checked) { picked[room.flat_id] = place + room.room; } else { delete picked[room.flat_id]; }
            summary();
          });
          label.appendChild(box);
          label.appendChild(el("span", null, room.room));
          roomsBox.appendChild(label);
        });
      });
    }

    GZ.api("GET", picker.getAttribute("data-buildings")).then(function (result) {
      if (!result.ok) { buildingsBox.appendChild(el("p", "form-error", result.data.error.message)); return; }
      result.data.forEach(function (building) {
        var button = chip(building.name, false);
        button.addEventListener("click", function () {
          press(buildingsBox, button);
          stairwellsBox.textContent = "";
          roomsBox.textContent = "";
          building.stairwells.forEach(function (stairwell) {
            var inner = chip(stairwell.name, false);
            inner.addEventListener("click", function () { press(stairwellsBox, inner); showRooms(stairwell.id); });
            stairwellsBox.appendChild(inner);
          });
        });
        buildingsBox.appendChild(button);
      });
      summary();
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var body = { title: form.elements.title.value, description: form.elements.description.value,
                   affected_flat_ids: Object.keys(picked).map(function (id) { return parseInt(id, 10); }) };
      var button = form.querySelector('[type="submit"]');
      button.disabled = true;
      GZ.api("POST", form.getAttribute("data-endpoint"), body).then(function (result) {
        button.disabled = false;
        if (result.ok) { window.location.assign("/cases/" + result.data.id); return; }
        GZ.showError(form, result);
        var first = form.querySelector(".field-error:not(:empty)") || form.querySelector(".form-error");
        if (first) { first.scrollIntoView({ block: "center" }); }
      });
    });
  });
})();
