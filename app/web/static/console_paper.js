/* Console, paper ballots: send a photo as soon as it is taken (one after another), and
   outline on the form the rows the reader was unsure of. The forms work without it. */
(function () {
  "use strict";

  function sendOnPick() {
    var form = document.getElementById("scan-form");
    if (!form) { return; }
    var input = document.getElementById("scan-file");
    input.addEventListener("change", function () {
      if (!input.files.length) { return; }
      document.getElementById("scan-busy").hidden = false;
      document.getElementById("scan-send").disabled = true;
      form.submit();
    });
  }

  function outlineUnsure() {
    var draft = document.getElementById("draft");
    if (!draft) { return; }
    JSON.parse(draft.getAttribute("data-unsure") || "[]").forEach(function (row) {
      var question = document.getElementById("question-" + row.question);
      if (!question) { return; }
      var target = row.item ? question.querySelector('[data-item="' + row.item + '"]') : question;
      if (target) { target.classList.add("unsure"); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    sendOnPick();
    outlineUnsure();
    var questions = document.querySelector("form[data-questions]");
    if (questions && window.GZ) {
      window.GZ.applyConditions(questions);
      questions.addEventListener("change", function () { window.GZ.applyConditions(questions); });
    }
  });
})();
