/* Console and street, co-planning: forms marked data-json-api send JSON the plain data-api
   forms cannot — yuan typed by people sent as integer cents (data-yuan), a plan's text cut
   into sections at each "## 标题" line (data-sections), checked item codes as a list — and
   show a refusal next to its field. */
(function () {
  "use strict";

  var GZ = window.GZ;

  /* "800,000.5" -> 80000050; null when it is not an amount of money */
  function cents(text) {
    var parts = /^(\d{1,12})(\.\d{1,2})?$/.exec(String(text || "").replace(/[,，\s元]/g, ""));
    if (!parts) { return null; }
    return Number(parts[1]) * 100 + Math.round(Number("0" + (parts[2] || "")) * 100);
  }

  function sections(text) {
    var found = [];
    String(text || "").split(/\r?\n/).forEach(function (line) {
      var heading = /^##\s*(.+)$/.exec(line);
      if (heading) { found.push({ title: heading[1].trim(), body: "" }); return; }
      if (found.length) { found[found.length - 1].body += (found[found.length - 1].body ? "\n" : "") + line; }
    });
    return found.map(function (s) { return { title: s.title, body: s.body.trim() }; });
  }

  function body(form) {
    var data = {}, bad = null;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) { return; }
      if (el.type === "checkbox") {
        data[el.name] = data[el.name] || [];
        if (el.checked) { data[el.name].push(el.value); }
      } else if (el.hasAttribute("data-yuan")) {
        data[el.name] = cents(el.value);
        if (data[el.name] === null) { bad = el.name; }
      } else if (el.hasAttribute("data-sections")) {
        data[el.name] = sections(el.value);
      } else {
        data[el.name] = el.hasAttribute("data-int") ? parseInt(el.value, 10) : el.value;
      }
    });
    return { data: data, bad: bad };
  }

  document.querySelectorAll("form[data-json-api]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      var sent = body(form);
      if (sent.bad) {
        var fields = {};
        fields[sent.bad] = form.getAttribute("data-money-error");
        GZ.showError(form, { data: { error: { message: form.getAttribute("data-money-error"), fields: fields } } });
        return;
      }
      GZ.api("POST", form.getAttribute("data-json-api"), sent.data).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); return; }
        window.GZ.reload();
      });
    });
  });
})();
