/* Console, 二维码海报: each code's version and scan count (old posters still scanned show
   up as retired scans); after 换新二维码 the new code's picture and version, read back. */
(function () {
  "use strict";

  function statsText(P, row) {
    var text = window.GZ.format(P.stats, { version: row.version, scans: row.scans });
    return row.retired_scans ? text + window.GZ.format(P.retired, { retired: row.retired_scans }) : text;
  }

  function showCounts(GZ, P, grid) {
    GZ.api("GET", "/api/v1/estates/" + grid.getAttribute("data-estate") + "/qr-scans").then(function (result) {
      if (!result.ok) { return; }
      [["stairwell", result.data.stairwells], ["building", result.data.buildings]].forEach(function (pair) {
        pair[1].forEach(function (row) {
          var box = document.querySelector("[data-" + pair[0] + '="' + row.id + '"] .qr-stats');
          if (box) { box.textContent = statsText(P, row); }
        });
      });
    });
  }

  /* after a rotation: the place's code read back, its picture reloaded under the new version */
  function followRotation(GZ, P, figure) {
    var kind = figure.hasAttribute("data-stairwell") ? "stairwell" : "building";
    var id = figure.getAttribute("data-" + kind);
    figure.querySelector("form").addEventListener("gz:success", function () {
      GZ.api("GET", "/api/v1/" + kind + "s/" + id + "/qr").then(function (result) {
        if (!result.ok) { return; }
        var img = figure.querySelector("img");
        img.src = img.src.split("?")[0] + "?v=" + result.data.version;
        figure.querySelector(".qr-stats").textContent = GZ.format(P.stats, { version: result.data.version, scans: 0 });
        figure.querySelector(".qr-link").textContent = GZ.format(P.link, { url: result.data.url });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ;
    var grid = document.getElementById("posters");
    if (!grid) { return; }
    var P = JSON.parse(document.getElementById("posters-messages").textContent);
    showCounts(GZ, P, grid);
    document.querySelectorAll("figure.qr").forEach(function (figure) { followRotation(GZ, P, figure); });
  });
})();
