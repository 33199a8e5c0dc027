/* Console, 改造项目 / 投诉 (维修资金: console_fund.js): every figure read from the JSON API and every change
   made through it. Money is typed in yuan and sent in integer cents (no floating point). */
(function () {
  "use strict";

  var GZ, P, el;

  function toCents(text) {
    var match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(String(text || "").replace(/[,，\s]/g, ""));
    return match ? parseInt(match[1], 10) * 100 + parseInt(((match[2] || "") + "00").slice(0, 2), 10) : null;
  }

  function toYuan(cents) {
    var abs = Math.abs(cents);
    return (cents < 0 ? "-" : "") + Math.floor(abs / 100).toLocaleString("en-US") + "." + ("0" + abs % 100).slice(-2);
  }

  function day(iso) {
    return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  }

  function refuse(form, text, field) {
    var fields = {};
    if (field) { fields[field] = text; }
    GZ.showError(form, { data: { error: { message: text, fields: fields } } });
  }

  function onSubmit(form, handler) {
    if (!form) { return; }
    form.addEventListener("submit", function (event) { event.preventDefault(); GZ.clearMessages(form); handler(); });
  }

  function call(form, method, url, body, then) {
    GZ.api(method, url, body).then(function (result) {
      if (!result.ok) { GZ.showError(form, result); return; }
      then(result.data);
    });
  }

  function row(cells) {
    var tr = el("tr");
    cells.forEach(function (cell) {
      var td = el("td");
      if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell; }
      tr.appendChild(td);
    });
    return tr;
  }

  function projectList() {
    var table = document.getElementById("project-list");
    if (!table) { return; }
    var estate = table.getAttribute("data-estate");
    GZ.api("GET", "/api/v1/estates/" + estate + "/projects").then(function (result) {
      var body = table.querySelector("tbody");
      if (!result.data.length) { body.appendChild(row([P.projectsNone])); }
      result.data.forEach(function (project) {
        var link = el("a", "", P.manage);
        link.href = "/console/projects/" + project.id;
        body.appendChild(row([project.title, project.phase_label, toYuan(project.budget_cents), link]));
      });
    });
    var form = document.getElementById("new-project");
    var vote = document.getElementById("project-vote");
    vote.addEventListener("change", function () {
      var chosen = vote.selectedOptions[0];
      if (chosen && chosen.getAttribute("data-title")) { form.elements.title.value = chosen.getAttribute("data-title"); }
      document.getElementById("project-budget-field").hidden = !!vote.value;
    });
    onSubmit(form, function () {
      var opened = function (project) { window.location.assign("/console/projects/" + project.id); };
      if (vote.value) {  /* the project of a passed content vote: its items within means */
        call(form, "POST", "/api/v1/consultations/" + vote.value + "/project", { title: form.elements.title.value }, opened);
        return;
      }
      var budget = toCents(document.getElementById("project-budget").value);
      if (budget === null) { refuse(form, P.moneyWrong, "budget_cents"); return; }
      call(form, "POST", "/api/v1/estates/" + estate + "/projects", { title: form.elements.title.value, budget_cents: budget },
        function (project) { window.location.assign("/console/projects/" + project.id); });
    });
  }

  function showProject(project) {
    /* [[key, label], …] in their order (a JSON object's keys would come sorted) */
    var keys = P.phases.map(function (pair) { return pair[0]; });
    var labels = P.phases.map(function (pair) { return pair[1]; });
    var at = keys.indexOf(project.phase);
    document.getElementById("phase-now").textContent = GZ.format(P.phaseNow, { phase: project.phase_label });
    var steps = document.getElementById("phase-steps");
    steps.textContent = "";
    labels.forEach(function (label, index) {
      steps.appendChild(el("li", index < at ? "done" : (index === at ? "current" : "todo"), label));
    });
    var advance = document.getElementById("project-advance");
    advance.hidden = at === keys.length - 1;
    advance.setAttribute("data-to", keys[at + 1] || "");
    document.getElementById("advance-evaluation").hidden = keys[at + 1] !== "co_evaluate";
    advance.querySelector("button").textContent = GZ.format(P.advance, { phase: labels[at + 1] || "" });
    document.getElementById("unfunded").textContent = project.unfunded_cents > 0 ?
      GZ.format(P.unfunded, { amount: toYuan(project.unfunded_cents) }) : "";
    document.querySelectorAll("#project-items textarea").forEach(function (area) {
      area.value = project.items.filter(function (item) { return item.category === area.getAttribute("data-category"); })
        .map(function (item) { return item.label; }).join("\n");
    });
    document.getElementById("funding-budget").value = toYuan(project.budget_cents).replace(/,/g, "");
    document.querySelectorAll("[data-source]").forEach(function (input) {
      var share = project.funding.filter(function (s) { return s.source === input.getAttribute("data-source"); })[0];
      input.value = share ? toYuan(share.amount_cents).replace(/,/g, "") : "";
    });
  }

  function projectPage() {
    var card = document.getElementById("project");
    if (!card) { return; }
    var base = "/api/v1/projects/" + card.getAttribute("data-project");
    var current = null;
    function load() { GZ.api("GET", base).then(function (r) { current = r.data; showProject(r.data); }); }
    load();
    var advance = document.getElementById("project-advance");
    onSubmit(advance, function () {
      var body = { to: advance.getAttribute("data-to") };
      var closes = document.getElementById("advance-evaluation-closes").value;
      if (body.to === "co_evaluate" && closes) { body.evaluation_closes_at = closes + "T18:00:00+08:00"; }
      /* a refused step shows the guard's reason, naming what is missing, under the button */
      call(advance, "POST", base + "/advance", body, load);
    });

    var items = document.getElementById("project-items");
    onSubmit(items, function () {
      var known = {};
      current.items.forEach(function (item) { known[item.category + ":" + item.label] = item.code; });
      var list = [];
      items.querySelectorAll("textarea").forEach(function (area) {
        var category = area.getAttribute("data-category");
        area.value.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean).forEach(function (label, i) {
          list.push({ code: known[category + ":" + label] || category + "-" + Date.now().toString(36) + i, label: label, category: category });
        });
      });
      call(items, "PUT", base + "/items", { items: list }, function (project) { current = project; GZ.showOk(items, P.saved); });
    });

    var funding = document.getElementById("project-funding");
    onSubmit(funding, function () {
      var budget = toCents(document.getElementById("funding-budget").value), shares = {}, wrong = false;
      funding.querySelectorAll("[data-source]").forEach(function (input) {
        if (!input.value.trim()) { return; }
        var cents = toCents(input.value);
        if (cents === null) { wrong = true; } else { shares[input.getAttribute("data-source")] = cents; }
      });
      if (budget === null || wrong) { refuse(funding, P.moneyWrong); return; }
      call(funding, "PUT", base + "/funding", { budget_cents: budget, shares: shares }, function (project) {
        current = project; showProject(project); GZ.showOk(funding, P.saved);
      });
    });

    var progress = document.getElementById("progress-form");
    onSubmit(progress, function () {
      call(progress, "POST", base + "/progress", new FormData(progress), function () { progress.reset(); loadProgress(); });
    });
    function loadProgress() {
      GZ.api("GET", base + "/progress").then(function (r) {
        var list = document.getElementById("progress-list");
        list.textContent = "";
        if (!r.data.length) { list.appendChild(el("p", "muted", P.none)); }
        r.data.forEach(function (post) {
          var article = el("article", "post");
          article.appendChild(el("p", "muted small", P.roles[post.author_role] + " · " + day(post.created_at)));
          article.appendChild(el("p", "post-body", post.body));
          post.photos.forEach(function (photo) {
            var img = el("img", "progress-photo");
            img.src = photo.url; img.alt = ""; img.loading = "lazy";
            article.appendChild(img);
          });
          list.appendChild(article);
        });
      });
    }
    loadProgress();
    GZ.api("GET", base + "/supervision-reports").then(function (r) {
      var list = document.getElementById("supervision-list");
      if (!r.data.length) { list.appendChild(el("li", "muted", P.supervisionNone)); }
      r.data.forEach(function (report) { list.appendChild(supervisionItem(report)); });
    });
    evaluations(base);
  }

  /* a resident's report, the committee's answer under it, and the form to (re)answer */
  function supervisionItem(report) {
    var item = el("li", "supervision-report");
    item.id = "supervision-" + report.id;
    item.appendChild(el("p", "", day(report.created_at) + "：" + report.body));
    var answer = el("p", "answer", report.answer ? GZ.format(P.answered, { answer: report.answer }) : "");
    answer.hidden = !report.answer;
    item.appendChild(answer);
    var form = el("form", "row answer-form");
    form.noValidate = true;
    var box = el("textarea");
    box.name = "answer"; box.rows = 2; box.maxLength = 5000; box.required = true;
    box.setAttribute("aria-label", P.answerLabel);
    box.placeholder = P.answerLabel;
    var button = el("button", "btn small-btn", report.answer ? P.answerAgain : P.answerSubmit);
    button.type = "submit";
    button.setAttribute("data-confirm", P.confirmAnswer);
    [box, el("p", "field-error"), button, el("p", "form-error")].forEach(function (part) { form.appendChild(part); });
    form.querySelector(".field-error").setAttribute("data-error-for", "answer");
    onSubmit(form, function () {
      call(form, "POST", "/api/v1/supervision-reports/" + report.id + "/answer", { answer: box.value }, function (saved) {
        answer.textContent = GZ.format(P.answered, { answer: saved.answer });
        answer.hidden = false;
        box.value = "";
        button.textContent = P.answerAgain;
      });
    });
    item.appendChild(form);
    return item;
  }

  function evaluations(base) {
    function loadFollowUps() {
      GZ.api("GET", base + "/follow-ups").then(function (r) {
        var list = document.getElementById("follow-ups");
        list.textContent = "";
        if (!r.data.length) { list.appendChild(el("li", "muted", P.followUpsNone)); }
        r.data.forEach(function (item) { list.appendChild(el("li", "", item.title + "（" + item.average_score + "）")); });
      });
    }
    document.querySelectorAll("[data-evaluation]").forEach(function (box) {
      var id = box.getAttribute("data-evaluation");
      GZ.api("GET", base + "/evaluations/" + id + "/summary").then(function (r) {
        if (!r.ok) { return; }
        box.querySelector(".summary").textContent = GZ.format(P.summary, {
          average: r.data.overall_average || "—", index: r.data.satisfaction_index || "—" });
        r.data.questions.forEach(function (q) { box.querySelector(".scores").appendChild(el("li", "", q.title + "：" + (q.average || "—"))); });
      });
      var button = box.querySelector("[data-follow-up]");
      if (button) { button.addEventListener("click", function () { GZ.api("POST", base + "/evaluations/" + id + "/follow-ups", {}).then(loadFollowUps); }); }
    });
    var form = document.getElementById("evaluation-form");
    if (form) {  // only in 共评, before the project has its evaluation
      var closes = document.getElementById("evaluation-closes");
      closes.value = new Date(Date.now() + 14 * 864e5).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
      onSubmit(form, function () {
        call(form, "POST", base + "/evaluations", { closes_at: closes.value + "T23:59:00+08:00" }, function (created) {
          window.location.assign("/console/consultations/" + created.consultation_id);
        });
      });
    }
    loadFollowUps();
  }

  function complaintCard(complaint, reload) {
    var card = el("article", "card complaint" + (complaint.overdue ? " overdue" : ""));
    card.setAttribute("data-complaint", complaint.id);
    card.appendChild(el("h2", "", complaint.title));
    var meta = el("p", "small");
    meta.appendChild(el("span", "badge", complaint.status_label));
    meta.appendChild(document.createTextNode(" " + GZ.format(P.due, { time: day(complaint.due_at) }) + " "));
    if (complaint.overdue) { meta.appendChild(el("strong", "reports", P.overdue)); }
    card.appendChild(meta);
    card.appendChild(el("p", "post-body", complaint.body));
    card.appendChild(el("p", "muted small", (complaint.complainant || "") + (complaint.complainant_phone ? " " + complaint.complainant_phone : "") +
      (complaint.anonymous ? " · " + P.anonymous : "")));
    if (complaint.answer) { card.appendChild(el("p", "", complaint.answer)); }
    if (complaint.status === "closed") { return card; }
    var form = el("form");
    form.noValidate = true;
    var label = el("label", "", P.answer);
    var area = el("textarea");
    area.id = "answer-" + complaint.id; label.htmlFor = area.id; area.rows = 2; area.maxLength = 5000;
    form.appendChild(label); form.appendChild(area);
    var buttons = el("div", "row");
    [["handling", P.takeUp], ["answered", P.reply], ["closed", P.close]].forEach(function (step) {
      if (step[0] === "handling" && complaint.status !== "received") { return; }
      var button = el("button", "btn" + (step[0] === "answered" ? " primary" : ""), step[1]);
      button.type = "button";
      button.setAttribute("data-to", step[0]);
      if (step[0] === "closed") { button.setAttribute("data-confirm", P.confirmClose); }
      button.addEventListener("click", function () {
        var body = { to: step[0] };
        if (area.value.trim()) { body.answer = area.value.trim(); }
        call(form, "POST", "/api/v1/complaints/" + complaint.id + "/status", body, reload);
      });
      buttons.appendChild(button);
    });
    form.appendChild(buttons);
    form.appendChild(el("p", "form-error"));
    card.appendChild(form);
    return card;
  }

  function complaintsPage() {
    var box = document.getElementById("complaints");
    if (!box) { return; }
    function load() {
      GZ.api("GET", "/api/v1/estates/" + box.getAttribute("data-estate") + "/complaints").then(function (r) {
        box.textContent = "";
        var list = r.data.slice().sort(function (a, b) {
          return (b.overdue - a.overdue) || ((a.status === "closed") - (b.status === "closed")) || a.due_at.localeCompare(b.due_at);
        });
        if (!list.length) { box.appendChild(el("p", "", P.complaintsNone)); }
        list.forEach(function (complaint) { box.appendChild(complaintCard(complaint, load)); });
      });
    }
    load();
  }

  document.addEventListener("DOMContentLoaded", function () {
    GZ = window.GZ;
    el = GZ.el;
    P = JSON.parse(document.getElementById("projects-messages").textContent);
    projectList();
    projectPage();
    complaintsPage();
  });
})();
