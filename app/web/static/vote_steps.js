/* A long ballot in steps (one question, or one category of items, at a time) with
   progress, then a review ("同意 5 项、反对 1 项、弃权 2 项、未选 32 项按弃权") before the
   real submit. Without JavaScript the form shows every question and submits at once.
   The page stays still while a person answers: it opens at the top (the title and the
   flat first) and scrolls only when the step changes and its bar is out of sight. */
(function () {
  "use strict";

  function steps(form) {
    var list = [];
    form.querySelectorAll("fieldset.question").forEach(function (fieldset) {
      if (fieldset.hidden) { return; }
      var groups = fieldset.querySelectorAll("[data-step]");
      if (groups.length) {
        groups.forEach(function (group) { list.push({ fieldset: fieldset, group: group, title: group.getAttribute("data-step") }); });
      } else {
        var legend = fieldset.querySelector("legend");
        list.push({ fieldset: fieldset, group: null, title: legend ? legend.firstChild.textContent.trim() : "" });
      }
    });
    return list;
  }

  function checkedLabel(input) {
    var span = input.parentNode.querySelector("span");
    return span ? span.textContent : input.value;
  }

  /* One line per question: items counted by choice, other questions by their answer. */
  function review(form, GZ, M) {
    var lines = [];
    form.querySelectorAll("fieldset.question").forEach(function (fieldset) {
      if (fieldset.hidden) { return; }
      var legend = fieldset.querySelector("legend");
      var title = legend ? legend.firstChild.textContent.trim() : "";
      if (fieldset.getAttribute("data-type") === "items") {
        var counts = { agree: 0, oppose: 0, abstain: 0, blank: 0 };
        fieldset.querySelectorAll("[data-item]").forEach(function (item) {
          var chosen = item.querySelector("input:checked");
          var key = chosen ? chosen.value : "blank";
          counts[key in counts ? key : "blank"] += 1;
        });
        lines.push(GZ.format(M.reviewItems, { title: title, agree: counts.agree, oppose: counts.oppose,
                                             abstain: counts.abstain, blank: counts.blank }));
        return;
      }
      var answers = [];
      fieldset.querySelectorAll("input:checked").forEach(function (input) { answers.push(checkedLabel(input)); });
      var text = fieldset.querySelector("textarea");
      if (text && text.value.trim()) { answers.push(text.value.trim()); }
      lines.push(GZ.format(M.reviewAnswer, { title: title, answer: answers.length ? answers.join("、") : M.reviewBlank }));
    });
    return lines;
  }

  function wire(form) {
    var GZ = window.GZ, M = GZ.M, el = GZ.el;
    if (steps(form).length < 2) { return; }
    var submit = form.querySelector('[type="submit"]');
    var box = document.getElementById("vote-review");
    var bar = el("div", "step-bar");
    var label = el("p", "step-label");
    label.setAttribute("aria-live", "polite");
    var meter = el("progress");
    bar.appendChild(label);
    bar.appendChild(meter);
    var nav = el("div", "step-nav");
    var back = el("button", "btn", M.stepBack);
    var next = el("button", "btn primary", M.stepNext);
    back.type = next.type = "button";
    nav.appendChild(back);
    nav.appendChild(next);
    form.insertBefore(bar, form.querySelector("fieldset.question"));
    form.insertBefore(nav, box);
    /* just accepted (the page says 已提交): show what was sent, not step 1 again */
    var at = 0, submitted = !!document.getElementById("vote-ok"), reviewing = submitted;

    /* after a step change only: bring the step's bar up if the person scrolled past it */
    function bringUp() {
      if (bar.getBoundingClientRect().top < 0) { bar.scrollIntoView({ block: "start" }); }
    }

    function show() {
      var list = steps(form);
      at = Math.max(0, Math.min(at, list.length - 1));
      var current = list[at];
      form.querySelectorAll("fieldset.question").forEach(function (fieldset) {
        fieldset.classList.toggle("step-off", reviewing || fieldset !== current.fieldset);
        fieldset.querySelectorAll("[data-step]").forEach(function (group) {
          group.classList.toggle("step-off", group !== current.group);
        });
      });
      label.textContent = submitted ? M.reviewSubmitted : reviewing ? M.reviewTitle : GZ.format(M.stepOf, { n: at + 1, total: list.length, title: current.title });
      meter.max = list.length;
      meter.value = reviewing ? list.length : at + 1;
      back.hidden = at === 0 && !reviewing;
      back.textContent = submitted ? M.reviewChange : reviewing ? M.reviewEdit : M.stepBack;
      next.hidden = reviewing;
      next.textContent = at === list.length - 1 ? M.stepReview : M.stepNext;
      box.hidden = !reviewing;
      if (submit) { submit.hidden = !reviewing || submitted; }
      if (reviewing) {
        box.textContent = "";
        var ul = el("ul", "list");
        review(form, GZ, M).forEach(function (line) { ul.appendChild(el("li", "review-line", line)); });
        box.appendChild(ul);
        if (submit) { submit.textContent = M.reviewConfirm; }
      }
    }

    next.addEventListener("click", function () {
      if (at >= steps(form).length - 1) { reviewing = true; } else { at += 1; }
      show();
      bringUp();
    });
    back.addEventListener("click", function () {
      if (submitted) { submitted = false; at = 0; }
      if (reviewing) { reviewing = false; } else { at -= 1; }
      show();
      bringUp();
    });
    form.addEventListener("change", function () { if (!reviewing) { show(); } });
    /* Enter in a field, or any submit before the review: show the review first */
    form.addEventListener("submit", function (event) {
      if (!reviewing) { event.preventDefault(); event.stopImmediatePropagation(); reviewing = true; show(); bringUp(); }
    }, true);
    /* a refused ballot: open the step of the first question to fix, and scroll to it */
    var problem = document.getElementById("vote-error");
    if (problem) {
      var key = problem.getAttribute("data-question");
      steps(form).some(function (step, index) {
        if (step.fieldset.getAttribute("data-question") === key) { at = index; return true; }
        return false;
      });
    }
    show();
    if (problem) { problem.scrollIntoView({ block: "start" }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("ballot-form");
    if (form) { wire(form); }
    var problem = document.getElementById("vote-error");
    if (problem && !(form && form.querySelector(".step-bar"))) {
      var target = document.getElementById("question-" + problem.getAttribute("data-question"));
      if (target) { target.scrollIntoView({ block: "start" }); }
    }
  });
})();
