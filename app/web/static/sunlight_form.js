/* The console's sunlight form: rows of buildings, proposed structures and windows,
   turned into the API's JSON and saved (POST new, PUT existing). A 422 puts each
   field's message beside its row. The JSON box is only an advanced fallback. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("sun-data").textContent);
  var FLAT_IDS = {};
  Object.keys(DATA.flats).forEach(function (id) { FLAT_IDS[DATA.flats[id]] = parseInt(id, 10); });
  var FLAT_NAMES = DATA.flats;

  function BadInput(path) { this.path = path; }

  function number(value, path, optional) {
    var text = String(value === undefined || value === null ? "" : value).trim();
    if (text === "" && optional) { return null; }
    var parsed = Number(text);
    if (text === "" || !isFinite(parsed)) { throw new BadInput(path); }
    return parsed;
  }

  function field(row, name) { return row.querySelector('[name="' + name + '"]'); }

  function footprint(row, path) {
    var points = field(row, "points").value.trim();
    if (points) {
      return points.split(/\s+/).map(function (pair) {
        var xy = pair.split(/[,，]/);
        if (xy.length !== 2) { throw new BadInput(path + ".footprint"); }
        return [number(xy[0], path + ".footprint"), number(xy[1], path + ".footprint")];
      });
    }
    var x0 = number(field(row, "x0").value, path + ".footprint");
    var y0 = number(field(row, "y0").value, path + ".footprint");
    var w = number(field(row, "width").value, path + ".footprint");
    var d = number(field(row, "depth").value, path + ".footprint");
    return [[x0, y0], [x0 + w, y0], [x0 + w, y0 + d], [x0, y0 + d]];
  }

  function rows(form, group) {
    return Array.prototype.slice.call(form.querySelectorAll('[data-rows="' + group + '"] > .sun-row'));
  }

  function numberRows(form) {
    ["buildings", "proposed", "windows"].forEach(function (group) {
      rows(form, group).forEach(function (row, index) {
        row.querySelector("[data-number]").textContent = String(index + 1);
        row.querySelector(".field-error").setAttribute("data-error-path", group + "." + index);
      });
    });
  }

  function collect(form) {
    var body = {
      latitude: number(field(form, "latitude").value, "latitude"),
      longitude: number(field(form, "longitude").value, "longitude"),
      day: field(form, "day").value === "date" ? field(form, "date").value : field(form, "day").value,
      step_minutes: number(field(form, "step_minutes").value, "step_minutes"),
      min_stretch_minutes: number(field(form, "min_stretch_minutes").value, "min_stretch_minutes", true),
      case_id: number(field(form, "case_id").value, "case_id", true),
      elevator_project_id: number(field(form, "elevator_project_id").value, "elevator_project_id", true),
      buildings: [], proposed: [], windows: []
    };
    ["buildings", "proposed"].forEach(function (group) {
      rows(form, group).forEach(function (row, index) {
        var path = group + "." + index;
        var item = { name: field(row, "name").value.trim(), footprint: footprint(row, path),
                     height_m: number(field(row, "height_m").value, path + ".height_m") };
        if (group === "proposed") { item.kind = field(row, "kind").value; }
        body[group].push(item);
      });
    });
    rows(form, "windows").forEach(function (row, index) {
      var path = "windows." + index;
      var flat = field(row, "flat").value.trim();
      body.windows.push({
        label: field(row, "label").value.trim(), flat_id: flat ? (FLAT_IDS[flat] || -1) : null,
        x: number(field(row, "x").value, path + ".x"), y: number(field(row, "y").value, path + ".y"),
        z: number(field(row, "z").value, path + ".z"),
        facing_deg: number(field(row, "facing_deg").value, path + ".facing_deg"),
        use: field(row, "use").value
      });
    });
    return body;
  }

  /* {"buildings": {"0": {"footprint": "…"}}} -> [["buildings.0.footprint", "…"], …] */
  function flatten(fields, prefix, out) {
    Object.keys(fields || {}).forEach(function (key) {
      var path = prefix ? prefix + "." + key : key;
      if (typeof fields[key] === "string") { out.push([path, fields[key]]); }
      else { flatten(fields[key], path, out); }
    });
    return out;
  }

  function showFields(form, fields) {
    var first = null;
    flatten(fields, "", []).forEach(function (entry) {
      var parts = entry[0].split(".");
      for (var n = parts.length; n > 0; n--) {
        var slot = form.querySelector('[data-error-path="' + parts.slice(0, n).join(".") + '"]');
        if (slot) {
          if (slot.closest("details.sun-row")) { slot.closest("details.sun-row").open = true; }
          slot.textContent = (slot.textContent ? slot.textContent + "；" : "") + entry[1];
          first = first || slot;
          return;
        }
      }
    });
    if (first) { first.scrollIntoView({ block: "center" }); }
  }

  function addRow(form, group) {
    var template = document.getElementById("row-" + group);
    var row = template.content.firstElementChild.cloneNode(true);
    form.querySelector('[data-rows="' + group + '"]').appendChild(row);
    numberRows(form);
    return row;
  }

  function setValue(row, name, value) {
    var input = field(row, name);
    if (!input) { return; }
    if (input.tagName === "SELECT" && value !== null && value !== undefined &&
        !input.querySelector('option[value="' + value + '"]')) {
      var option = document.createElement("option");
      option.value = option.textContent = String(value);
      input.appendChild(option);
    }
    input.value = value === null || value === undefined ? "" : String(value);
  }

  function fillFromJson(form, site) {
    ["latitude", "longitude", "step_minutes", "min_stretch_minutes"].forEach(function (name) {
      if (name in site) { setValue(form, name, site[name]); }
    });
    if (site.day === "dahan" || site.day === "dongzhi") { setValue(form, "day", site.day); }
    else if (site.day) { setValue(form, "day", "date"); setValue(form, "date", site.day); }
    ["buildings", "proposed", "windows"].forEach(function (group) {
      form.querySelector('[data-rows="' + group + '"]').innerHTML = "";
      (site[group] || []).forEach(function (item) {
        var row = addRow(form, group);
        Object.keys(item).forEach(function (key) {
          if (key === "footprint") {
            setValue(row, "points", item.footprint.map(function (p) { return p[0] + "," + p[1]; }).join(" "));
          } else if (key === "flat_id") {
            setValue(row, "flat", FLAT_NAMES[item.flat_id] || "");
          } else { setValue(row, key, item[key]); }
        });
      });
    });
    numberRows(form);
  }

  /* A closed row says what it is: its name or label after its number. */
  function retitle(event) {
    var input = event.target;
    if (input.name !== "name" && input.name !== "label") { return; }
    var row = input.closest(".sun-row");
    if (row) { row.querySelector("[data-title]").textContent = input.value.trim() ? "：" + input.value.trim() : ""; }
  }

  function wire(form) {
    numberRows(form);
    form.addEventListener("input", retitle);
    form.addEventListener("click", function (event) {
      var add = event.target.closest("[data-add-row]");
      if (add) { addRow(form, add.getAttribute("data-add-row")); return; }
      var remove = event.target.closest("[data-remove-row]");
      if (remove) { remove.closest(".sun-row").remove(); numberRows(form); return; }
      if (event.target.closest("[data-apply-json]")) {
        try { fillFromJson(form, JSON.parse(field(form, "json").value)); }
        catch (error) { form.querySelector(".form-error").textContent = DATA.badJson; }
      }
    });
    var details = form.querySelector(".sun-advanced");
    details.addEventListener("toggle", function () {
      if (!details.open) { return; }
      try { field(form, "json").value = JSON.stringify(collect(form), null, 1); } catch (error) { /* keep */ }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      numberRows(form);
      var body;
      try { body = collect(form); }
      catch (error) {
        if (!(error instanceof BadInput)) { throw error; }
        var fields = {};
        fields[error.path] = DATA.badNumber;
        showFields(form, fields);
        form.querySelector(".form-error").textContent = DATA.badNumber;
        return;
      }
      var url = DATA.analysisId ? "/api/v1/sunlight-analyses/" + DATA.analysisId :
        "/api/v1/estates/" + DATA.estateId + "/sunlight-analyses";
      GZ.api(DATA.analysisId ? "PUT" : "POST", url, body).then(function (result) {
        if (!result.ok) {
          GZ.showError(form, result);
          showFields(form, (result.data && result.data.error && result.data.error.fields) || {});
          return;
        }
        GZ.showOk(form, DATA.saved);
        window.location.href = "/console/estates/" + DATA.estateId + "/sunlight/" + result.data.id;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("sun-form");
    if (form) { wire(form); }
  });
})();
