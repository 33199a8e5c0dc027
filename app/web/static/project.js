/* Renovation projects (app/web/projects.py): the list, one project's timeline (phases,
   items, funding, progress posts with photos), evaluation summaries, supervision
   reports (read and file), complaints (file, follow). Text is set as text, never HTML. */
(function () {
  "use strict";

  var GZ = window.GZ, M = GZ.M, el = GZ.el;

  function yuan(cents) {
    return (cents / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function load(box, render) {
    GZ.api("GET", box.getAttribute("data-api")).then(function (result) {
      box.textContent = "";
      if (!result.ok) { box.appendChild(el("p", "form-error", result.data.error.message)); return; }
      render(box, result.data);
    });
  }

  function projectList(box, projects) {
    if (!projects.length) { box.appendChild(el("p", "muted", M.projectsNone)); return; }
    projects.forEach(function (p) {
      var a = el("a", "entry");
      a.href = "/projects/" + p.id;
      a.appendChild(el("span", "entry-title", p.title));
      a.appendChild(el("span", "muted small", GZ.format(M.projectPhase, { phase: p.phase_label })));
      a.appendChild(el("span", "entry-go", M.view + " ›"));
      box.appendChild(a);
    });
  }

  function summary(box, p) {
    var phases = el("ol", "stages");
    p.timeline.forEach(function (change, index) {
      var li = el("li", index === p.timeline.length - 1 ? "current" : "done",
        GZ.format(M.phaseSince, { phase: change.label, time: GZ.cnTime(change.began_at) }));
      phases.appendChild(li);
    });
    box.appendChild(el("p", "lead", GZ.format(M.projectPhase, { phase: p.phase_label })));
    box.appendChild(phases);
    box.appendChild(el("h3", null, M.projectItems));
    if (!p.items.length) { box.appendChild(el("p", "muted", M.projectItemsNone)); }
    var items = el("ul", "list");
    p.items.forEach(function (item) { items.appendChild(el("li", null, item.label)); });
    box.appendChild(items);
    // the money is rendered by the page from app.funding, the figures of the public page
  }

  function progress(box, posts) {
    if (!posts.length) { box.appendChild(el("p", "muted", M.progressNone)); return; }
    posts.forEach(function (post) {
      var article = el("article", "post progress-post");
      article.appendChild(el("time", "muted small", GZ.cnTime(post.created_at)));
      article.appendChild(el("p", "post-body", post.body));
      post.photos.forEach(function (photo) {
        var img = el("img", "progress-photo");
        img.src = photo.url;
        img.alt = M.progressPhoto;
        img.loading = "lazy";
        article.appendChild(img);
      });
      box.appendChild(article);
    });
  }

  function reports(box, rows) {
    if (!rows.length) { box.appendChild(el("li", "muted", M.supervisionNone)); }
    rows.forEach(function (r) { box.appendChild(el("li", null, GZ.format(M.supervisionLine, { time: GZ.cnTime(r.created_at), body: r.body }))); });
  }

  function evaluation(box, s) {
    box.appendChild(el("p", "lead", s.satisfaction_index === null ? M.evaluationNoAnswers :
      GZ.format(M.evaluationIndex, { index: s.satisfaction_index, average: s.overall_average })));
    if (s.satisfaction_index !== null) { box.appendChild(el("p", "small muted evaluation-how", M.evaluationHow)); }
    var list = el("ul", "list");
    s.questions.forEach(function (q) { list.appendChild(el("li", null, GZ.format(M.evaluationLine, { title: q.title, average: q.average }))); });
    box.appendChild(list);
  }

  function complaints(box, rows) {
    var estate = parseInt(box.getAttribute("data-estate"), 10);
    rows = rows.filter(function (c) { return c.estate_id === estate; });
    if (!rows.length) { box.appendChild(el("p", "muted", box.id === "my-complaints" ? M.complaintsNone : M.complaintsNoneEstate)); return; }
    rows.forEach(function (c) {
      var item = el("div", "entry complaint");
      item.setAttribute("data-complaint", c.id);
      item.appendChild(el("span", "entry-title", c.title));
      var status = el("span");
      status.appendChild(el("span", "badge badge-" + (c.overdue ? "rejected" : "pending"), c.status_label));
      status.appendChild(document.createTextNode(" " + GZ.format(c.overdue ? M.complaintOverdue : M.complaintDue, { time: GZ.cnTime(c.due_at) })));
      item.appendChild(status);
      item.appendChild(el("span", "muted small", c.body));
      if (c.answer) { item.appendChild(el("span", "complaint-answer", GZ.format(M.complaintAnswer, { answer: c.answer }))); }
      box.appendChild(item);
    });
  }

  function fund(box, ledger) {
    box.appendChild(el("p", "lead", GZ.format(M.fundBalance, { balance: yuan(ledger.balance_cents) })));
    if (!ledger.entries.length) { box.appendChild(el("p", "muted", M.fundNone)); return; }
    var list = el("ul", "list");
    ledger.entries.slice().reverse().forEach(function (e) {
      list.appendChild(el("li", null, GZ.format(M.fundLine, { date: GZ.cnDate(e.occurred_on), kind: M.fundKinds[e.kind] || e.kind,
        amount: yuan(e.amount_cents), memo: e.memo })));
    });
    box.appendChild(list);
  }

  function followUps(box, rows) {
    if (!rows.length) { box.appendChild(el("li", "muted", M.followUpsNone)); }
    rows.forEach(function (f) { box.appendChild(el("li", null, f.title)); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var wiring = [["project-list", projectList], ["project-summary", summary], ["fund-ledger", fund],
                  ["follow-ups", followUps], ["estate-complaints", complaints],
                  ["progress-posts", progress], ["supervision-reports", reports], ["my-complaints", complaints]];
    wiring.forEach(function (pair) {
      var box = document.getElementById(pair[0]);
      if (box) { load(box, pair[1]); }
    });
    document.querySelectorAll(".evaluation-summary").forEach(function (box) { load(box, evaluation); });
    var supervision = document.getElementById("supervision-form");
    if (supervision) {
      supervision.addEventListener("gz:success", function () {
        supervision.reset();
        GZ.showOk(supervision, M.supervisionSent);
        load(document.getElementById("supervision-reports"), reports);
      });
    }
    var complaint = document.getElementById("complaint-form");
    if (complaint) {
      complaint.addEventListener("gz:success", function (event) {
        complaint.reset();
        /* the confirmation where the person is looking: under the button they pressed */
        GZ.showOk(complaint, GZ.format(M.complaintSent, { time: GZ.cnTime(event.detail.data.due_at) }));
        load(document.getElementById("my-complaints"), complaints);
        load(document.getElementById("estate-complaints"), complaints);
      });
    }
  });
})();
