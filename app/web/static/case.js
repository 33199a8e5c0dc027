/* A case's discussion (一事一议): post and reply, report, hide (moderators);
   new posts from others arrive live. Post text is always set as text, never HTML. */
(function () {
  "use strict";

  var el = window.GZ.el;  /* app.js runs first (deferred scripts keep their order) */

  function button(label, attribute, id, who) {
    var node = el("button", "btn small-btn", label);
    node.type = "button";
    node.setAttribute(attribute, id);
    if (who) { node.setAttribute("data-who", who); }
    return node;
  }

  /* The same markup as templates/web/_post.html. */
  function renderPost(post, data) {
    var M = window.GZ.M;
    var article = el("article", "post" + (post.parent_id ? " reply" : "") + (post.hidden ? " hidden-post" : ""));
    article.id = "post-" + post.id;
    article.setAttribute("data-post", post.id);
    var head = el("header", "post-head");
    head.appendChild(el("span", "post-author", post.author.name_masked));
    if (post.author.name_masked !== M.authorRoles[post.author.role]) { head.appendChild(el("span", "tag", M.authorRoles[post.author.role])); }
    head.appendChild(el("time", "muted small", window.GZ.cnTime(post.created_at)));
    article.appendChild(head);
    if (post.hidden) { article.appendChild(el("p", "post-hidden muted", window.GZ.format(M.postHiddenReason, { reason: post.hidden_reason }))); }
    if (post.body !== null) { article.appendChild(el("p", "post-body", post.body)); }
    var actions = el("div", "post-actions");
    if (data.canPost) { actions.appendChild(button(M.reply, "data-reply", post.id, post.author.name_masked)); }
    if (post.author.id === data.userId && !post.hidden) { actions.appendChild(button(M.postEdit, "data-edit", post.id)); }
    if (post.author.id !== data.userId) { actions.appendChild(button(M.report, "data-report", post.id)); }
    if (data.moderator && !post.hidden) { actions.appendChild(button(M.hide, "data-hide", post.id)); }
    article.appendChild(actions);
    return article;
  }

  function addPost(post, data) {
    if (document.getElementById("post-" + post.id)) { return; }
    var none = document.getElementById("no-posts");
    if (none) { none.remove(); }
    var posts = document.getElementById("posts");
    var node = renderPost(post, data);
    var parent = post.parent_id && document.getElementById("post-" + post.parent_id);
    if (parent) {
      var after = parent;
      while (after.nextElementSibling && after.nextElementSibling.classList.contains("reply")) { after = after.nextElementSibling; }
      after.after(node);
    } else {
      posts.appendChild(node);
    }
  }

  function markHidden(postId, reason) {
    var M = window.GZ.M;
    var article = document.getElementById("post-" + postId);
    if (!article || article.classList.contains("hidden-post")) { return; }
    article.classList.add("hidden-post");
    var body = article.querySelector(".post-body");
    var note = el("p", "post-hidden muted", reason ? window.GZ.format(M.postHiddenReason, { reason: reason }) : M.postHidden);
    article.insertBefore(note, body || article.querySelector(".post-actions"));
    if (body && !window.GZ_CASE.moderator) { body.remove(); }
    article.querySelectorAll("[data-hide], [data-edit]").forEach(function (node) { node.remove(); });
  }

  /* A post marked 已修改 with its 修改记录 button, as templates/web/_post.html draws an edited post. */
  function markEdited(article, postId) {
    var M = window.GZ.M, head = article.querySelector(".post-head");
    if (head.querySelector(".post-edited")) { return; }
    head.appendChild(el("span", "muted small post-edited", M.postEdited));
    article.querySelector(".post-actions").appendChild(button(M.postRevisions, "data-revisions", postId));
  }
  window.GZ.markEdited = markEdited;  /* case_edit.js marks the author's own edit the same way */

  /* Someone's edit, live: the new text in place (an edit form open on it is left alone). */
  function showEdit(post) {
    var article = document.getElementById("post-" + post.id);
    var body = article && article.querySelector(".post-body");
    if (!body || post.body === null) { return; }
    body.textContent = post.body;
    markEdited(article, post.id);
  }

  /* A meeting scheduled or a resolution vote opened: load the page again to show it, but
     never over words being typed (a post, an edit, a reason); then say so, with a button. */
  function showNews(text) {
    var GZ = window.GZ, M = GZ.M;
    var typing = document.querySelector("dialog[open], .post-edit") ||
      Array.prototype.some.call(document.querySelectorAll("#post-form textarea"), function (area) { return area.value.trim(); });
    if (!typing) { GZ.reload(); return; }
    var news = document.getElementById("case-news");
    news.querySelector("span").textContent = text;
    news.hidden = false;
  }

  /* Ask for a reason in the page's dialog (closable; opened only by a tap). */
  function askReason(label, value, then) {
    var dialog = document.getElementById("reason-dialog");
    document.getElementById("reason-label").textContent = label;
    var input = document.getElementById("reason-input");
    input.value = value;
    dialog.onclose = function () {
      if (dialog.returnValue === "ok" && input.value.trim()) { then(input.value.trim()); }
    };
    dialog.showModal();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ, M = GZ.M;
    var data = JSON.parse(document.getElementById("case-data").textContent);
    window.GZ_CASE = data;
    var form = document.getElementById("post-form");
    var notice = document.getElementById("case-notice");
    var replying = document.getElementById("replying");

    function setReply(postId, who) {
      if (!form) { return; }
      form.elements.parent_id.value = postId || "";
      replying.hidden = !postId;
      replying.querySelector("span").textContent = postId ? GZ.format(M.replyingTo, { who: who }) : "";
      if (postId) { form.elements.body.focus(); }
    }

    document.getElementById("posts").addEventListener("click", function (event) {
      var target = event.target;
      if (target.hasAttribute("data-reply")) {
        setReply(target.getAttribute("data-reply"), target.getAttribute("data-who"));
      } else if (target.hasAttribute("data-report")) {
        askReason(M.reportReason, M.reportDefault, function (reason) {
          GZ.api("POST", "/api/v1/posts/" + target.getAttribute("data-report") + "/reports", { reason: reason }).then(function (result) {
            /* the confirmation appears under the post the person reported, where they look */
            var post = target.closest("[data-post]");
            var near = post.querySelector(".post-notice") || post.appendChild(el("p", "form-ok post-notice"));
            near.setAttribute("role", "status");
            near.textContent = result.ok ? M.reported : result.data.error.message;
          });
        });
      } else if (target.hasAttribute("data-hide")) {
        askReason(M.hideReason, M.hideDefault, function (reason) {
          var postId = target.getAttribute("data-hide");
          GZ.api("POST", "/api/v1/posts/" + postId + "/hide", { reason: reason }).then(function (result) {
            if (!result.ok) { notice.textContent = result.data.error.message; return; }
            markHidden(postId, reason);
          });
        });
      }
    });

    if (form) {
      document.getElementById("cancel-reply").addEventListener("click", function () { setReply(null); });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        GZ.clearMessages(form);
        var body = { body: form.elements.body.value };
        if (form.elements.parent_id.value) { body.parent_id = parseInt(form.elements.parent_id.value, 10); }
        GZ.api("POST", "/api/v1/cases/" + data.id + "/posts", body).then(function (result) {
          if (!result.ok) { GZ.showError(form, result); return; }
          addPost(result.data, data);
          form.elements.body.value = "";
          setReply(null);
        });
      });
    }

    document.getElementById("case-news-reload").addEventListener("click", GZ.reload);
    GZ.live("case:" + data.id, {
      post: function (event) { if (event.case_id === data.id) { addPost(event.post, data); } },
      post_edited: function (event) { if (event.case_id === data.id) { showEdit(event.post); } },
      case_meeting: function (event) { if (event.case_id === data.id) { showNews(M.caseNewsMeeting); } },
      case_resolution: function (event) { if (event.case_id === data.id) { showNews(M.caseNewsResolution); } },
      post_hidden: function (event) {
        if (event.case_id !== data.id) { return; }
        /* the event names the post only: read it once for the reason everyone sees */
        GZ.api("GET", "/api/v1/posts/" + event.post_id).then(function (result) {
          markHidden(event.post_id, result.ok ? result.data.hidden_reason : null);
        });
      }
    }, document.getElementById("live-state"));
  });
})();
