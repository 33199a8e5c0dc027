/* The ledger preview as tables (?preview=1): sheets and columns read, each building's flats,
   owners and area, owners of several flats, rows skipped, and the changes against the ledger. */
(function () {
  "use strict";
  var LIST = 50; // rows shown per table; the heading says how many there are

  function table(GZ, W, title, heads, rows, total) {
    var box = GZ.el("section", "ledger-part");
    box.appendChild(GZ.el("h2", "", title));
    if (total > rows.length) { box.appendChild(GZ.el("p", "muted", GZ.format(W.more, { n: total, shown: rows.length }))); }
    var wrap = GZ.el("div", "table-wrap");
    var t = GZ.el("table", "table");
    var head = GZ.el("tr");
    heads.forEach(function (h) { head.appendChild(GZ.el("th", "", h)); });
    t.appendChild(GZ.el("thead")).appendChild(head);
    var body = t.appendChild(GZ.el("tbody"));
    rows.forEach(function (cells) {
      var tr = body.appendChild(GZ.el("tr"));
      cells.forEach(function (c) { tr.appendChild(GZ.el("td", "", c === null || c === undefined ? "" : String(c))); });
    });
    wrap.appendChild(t);
    box.appendChild(wrap);
    return box;
  }

  function render(GZ, C, box, p) {
    var W = C.ledgerWords;
    box.textContent = "";
    function add(title, heads, list, total, cells) {
      if (!list.length) { return; }
      box.appendChild(table(GZ, W, title, heads, list.slice(0, LIST).map(cells), total === undefined ? list.length : total));
    }
    if (p.notes && p.notes.length) {
      box.appendChild(GZ.el("h2", "", W.notes));
      var notes = box.appendChild(GZ.el("ul", "ledger-notes"));
      p.notes.forEach(function (n) { notes.appendChild(GZ.el("li", "", n)); });
    }
    box.appendChild(GZ.el("p", "ledger-totals", GZ.format(W.totals, p.totals)));
    add(W.buildings, [W.building, W.flats, W.owners, W.area, W.public, W.coOwned], p.buildings, undefined,
        function (b) { return [b.name, b.flats, b.owners, b.area_m2, b.public, b.co_owned]; });
    add(W.sheets, [W.sheet, W.flatsRead, W.headerRow], p.sheets, undefined,
        function (s) { return [s.name, s.rows, s.header_row]; });
    add(W.columns, [W.column, W.header], p.columns, undefined, function (c) { return [c.label, c.header]; });
    add(W.several, [W.owner, W.matchedBy, W.homes], p.owners_with_several_flats, undefined,
        function (o) { return [o.owner, o.matched_by, o.flats.join("、")]; });
    add(W.skipped, [W.sheet, W.row, W.reason], p.skipped, undefined,
        function (s) { return [s.sheet, s.row, s.reason]; });
    var counts = p.changes.counts;
    add(W.changed, [W.flat, W.sheet, W.row, W.changes], p.changes.changed, counts.changed,
        function (c) { return [c.flat, c.sheet, c.row, c.changes.join("；")]; });
    add(W.added, [W.flat, W.sheet, W.row], p.changes.added, counts.added,
        function (c) { return [c.flat, c.sheet, c.row]; });
    add(W.removed, [W.flat], p.changes.removed, counts.removed, function (c) { return [c.flat]; });
  }

  window.GZLedger = { render: render };
}());
