/* A case's discussion, the author's side: 修改 one's own post (within the edit window; the
   former text is kept) and 修改记录 (a post's earlier texts). Text is set as text, never HTML. */
(function () {
  "use strict";

  function editForm(GZ, M, article, postId) {
    var body = article.querySelector(".post-body");
    var form = GZ.el("form", "post-edit");
    form.noValidate = true;
    var area = GZ.el("textarea");
    area.name = "body";
    area.maxLength = 5000;
    area.value = body ? body.textContent : "";
    area.setAttribute("aria-label", M.postEditLabel);
    form.appendChild(area);
    var fieldError = GZ.el("p", "field-error");
    fieldError.setAttribute("data-error-for", "body");
    fieldError.setAttribute("role", "alert");
    form.appendChild(fieldError);
    var row = GZ.el("div", "row");
    var save = GZ.el("button", "btn primary", M.postEditSave);
    save.type = "submit";
    var cancel = GZ.el("button", "btn", M.postEditCancel);
    cancel.type = "button";
    row.appendChild(save);
    row.appendChild(cancel);
    form.appendChild(row);
    var formError = GZ.el("p", "form-error");
    formError.setAttribute("role", "alert");
    form.appendChild(formError);
    cancel.addEventListener("click", function () { form.remove(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      GZ.clearMessages(form);
      GZ.api("PATCH", "/api/v1/posts/" + postId, { body: area.value }).then(function (result) {
        if (!result.ok) { GZ.showError(form, result); area.focus(); return; }
        if (body) { body.textContent = result.data.body; }
        GZ.markEdited(article, postId);
        form.remove();
      });
    });
    return form;
  }

  function showRevisions(GZ, M, article, postId) {
    var list = article.querySelector(".post-revisions");
    if (list) { list.remove(); return; }
    GZ.api("GET", "/api/v1/posts/" + postId + "/revisions").then(function (result) {
      list = GZ.el("ul", "post-revisions muted small");
      if (!result.ok) {
        list.appendChild(GZ.el("li", null, result.data.error.message));
      } else if (!result.data.length) {
        list.appendChild(GZ.el("li", null, M.revisionsNone));
      }
      (result.ok ? result.data : []).forEach(function (revision) {
        list.appendChild(GZ.el("li", null, GZ.format(M.revisionLine, {
          time: GZ.cnTime(revision.written_at), body: revision.body })));
      });
      article.querySelector(".post-actions").after(list);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ, M = GZ.M;
    var posts = document.getElementById("posts");
    if (!posts) { return; }
    posts.addEventListener("click", function (event) {
      var target = event.target;
      var article = target.closest("[data-post]");
      if (target.hasAttribute("data-edit")) {
        if (article.querySelector(".post-edit")) { return; }
        var form = editForm(GZ, M, article, target.getAttribute("data-edit"));
        article.querySelector(".post-actions").before(form);
        form.querySelector("textarea").focus();
      } else if (target.hasAttribute("data-revisions")) {
        showRevisions(GZ, M, article, target.getAttribute("data-revisions"));
      }
    });
  });
})();
