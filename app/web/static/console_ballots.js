/* Console, 代录纸质票: pick the flat on a building → stairwell → room grid or by typing its
   room ("402", "1-1-402"); after saving, the receipt is brought into view. */
(function () {
  "use strict";

  function numbers(text) { return (String(text).match(/\d+/g) || []).map(Number); }

  function wirePicker(GZ, C) {
    var picker = document.getElementById("flat-picker");
    if (!picker) { return; }
    var grids = picker.querySelectorAll(".room-grid");
    var buildings = document.getElementById("pick-buildings");
    var stairwells = document.getElementById("pick-stairwells");
    var picked = document.getElementById("picked");
    var search = document.getElementById("room-search");
    var searchError = document.getElementById("room-search-error");

    function press(group, attribute, value) {
      if (!group) { return; }
      group.querySelectorAll("[" + attribute + "]").forEach(function (chip) {
        chip.setAttribute("aria-pressed", chip.getAttribute(attribute) === String(value) ? "true" : "false");
      });
    }

    function showStairwell(stairwellId) {
      var shown = null;
      grids.forEach(function (grid) {
        var on = grid.getAttribute("data-stairwell") === String(stairwellId);
        grid.hidden = !on;
        if (on) { shown = grid; }
      });
      var building = shown.getAttribute("data-building");
      press(buildings, "data-pick-building", building);
      stairwells.querySelectorAll("[data-pick-stairwell]").forEach(function (chip) {
        chip.hidden = chip.getAttribute("data-building") !== building;
      });
      press(stairwells, "data-pick-stairwell", stairwellId);
    }

    function choose(input) {
      input.checked = true;
      showStairwell(input.closest(".room-grid").getAttribute("data-stairwell"));
      picked.textContent = GZ.format(C.picked, { label: input.getAttribute("data-label") });
    }

    /* "402" in the stairwell on screen first; "1-1-402" names building and stairwell too. */
    function find(text) {
      var parts = numbers(text);
      if (!parts.length) { return; }
      var room = String(parts[parts.length - 1]);
      var matches = Array.prototype.filter.call(picker.querySelectorAll("input[name=flat_id]"), function (input) {
        if (input.getAttribute("data-room") !== room) { return false; }
        var place = numbers(input.getAttribute("data-label"));
        return parts.length < 3 || (place[0] === parts[0] && place[1] === parts[1]);
      });
      var onScreen = matches.filter(function (input) { return !input.closest(".room-grid").hidden; });
      searchError.textContent = "";
      if (matches.length === 1 || onScreen.length === 1) {
        choose(matches.length === 1 ? matches[0] : onScreen[0]);
      } else if (!matches.length) {
        searchError.textContent = C.pickNone;
      } else {
        searchError.textContent = GZ.format(C.pickMany, { n: matches.length });
      }
    }

    if (buildings) { buildings.hidden = false; }
    stairwells.hidden = grids.length < 2;
    picker.querySelectorAll(".room-grid h3").forEach(function (title) { title.hidden = true; });
    var checked = picker.querySelector("input[name=flat_id]:checked");
    showStairwell(checked ? checked.closest(".room-grid").getAttribute("data-stairwell")
      : grids[0].getAttribute("data-stairwell"));

    picker.addEventListener("click", function (event) {
      var building = event.target.closest("[data-pick-building]");
      var stairwell = event.target.closest("[data-pick-stairwell]");
      if (building) {
        var first = stairwells.querySelector('[data-building="' + building.getAttribute("data-pick-building") + '"]');
        showStairwell(first.getAttribute("data-pick-stairwell"));
      } else if (stairwell) {
        showStairwell(stairwell.getAttribute("data-pick-stairwell"));
      }
    });
    picker.addEventListener("change", function (event) {
      if (event.target.name === "flat_id") { choose(event.target); }
    });
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); find(search.value); }
    });
    search.addEventListener("change", function () { find(search.value); });
  }

  /* After saving, the receipt and "下一户" are what the eye lands on. The redirect's
     #assisted puts the section's title at the top and the receipt right under it; a
     fragment aimed at the receipt itself pinned it to the top edge, and the results
     drawn again above it then left it a fraction of a pixel out of view. Here the
     receipt gets the focus, and a scroll only if it still is not wholly on screen. */
  function showReceipt() {
    var receipt = document.getElementById("receipt");
    if (!receipt) { return; }
    receipt.focus({ preventScroll: true });
    var box = receipt.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) { receipt.scrollIntoView({ block: "center" }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ;
    var C = JSON.parse(document.getElementById("console-messages").textContent);
    wirePicker(GZ, C);
    showReceipt();
  });
  window.addEventListener("load", showReceipt);  // after the browser's own scroll to #assisted
})();
