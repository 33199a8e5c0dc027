/* My things (app/web/account.py): notifications (read when seen), family proxies (add by
   phone, list, revoke), deleting my account after a confirmation that states the
   consequence. Text is always set as text, never HTML. */
(function () {
  "use strict";

  var GZ = window.GZ, M = GZ.M, el = GZ.el;

  function notifications(box) {
    GZ.api("GET", box.getAttribute("data-api")).then(function (result) {
      box.textContent = "";
      if (!result.ok) { box.appendChild(el("p", "form-error", result.data.error.message)); return; }
      if (!result.data.length) { box.appendChild(el("p", "muted", M.notificationsNone)); return; }
      var unread = [];
      result.data.forEach(function (n) {
        var item = el(n.link ? "a" : "div", "entry notification" + (n.read ? "" : " unread"));
        if (n.link) { item.href = n.link; }
        item.appendChild(el("span", "entry-title", n.title));
        if (!n.read) { item.appendChild(el("span", "badge badge-pending", M.unread)); unread.push(n.id); }
        item.appendChild(el("span", null, n.body));
        item.appendChild(el("time", "muted small", GZ.cnTime(n.created_at)));
        box.appendChild(item);
      });
      /* seen on this page: mark them read, so the badge on the home page goes */
      if (unread.length) { GZ.api("POST", "/api/v1/me/notifications/read", { ids: unread }); }
    });
  }

  function proxies(section) {
    var list = section.querySelector(".proxy-list");
    function load() {
      GZ.api("GET", list.getAttribute("data-api")).then(function (result) {
        list.textContent = "";
        if (!result.ok) { list.appendChild(el("li", "form-error", result.data.error.message)); return; }
        var active = result.data.filter(function (p) { return p.active; });
        if (!active.length) { list.appendChild(el("li", "muted", M.proxiesNoneYet)); }
        active.forEach(function (p) {
          var li = el("li", "proxy");
          li.setAttribute("data-proxy", p.id);
          li.appendChild(el("span", null, GZ.format(M.proxyLine, { phone: p.proxy_phone_masked, time: GZ.cnTime(p.created_at) })));
          var revoke = el("button", "btn small-btn", M.proxyRevoke);
          revoke.type = "button";
          revoke.addEventListener("click", function () {
            if (revoke.getAttribute("data-armed") !== "1") {
              /* the consequence, where the person is looking, before it happens */
              revoke.setAttribute("data-armed", "1");
              revoke.textContent = M.proxyRevokeConfirm;
              return;
            }
            GZ.api("POST", "/api/v1/proxies/" + p.id + "/revoke", {}).then(function (done) {
              if (!done.ok) { li.appendChild(el("span", "form-error", done.data.error.message)); return; }
              load();
            });
          });
          li.appendChild(revoke);
          list.appendChild(li);
        });
      });
    }
    section.querySelector("form").addEventListener("gz:success", function (event) {
      event.target.reset();
      load();
    });
    load();
  }

  function account(section) {
    var start = document.getElementById("delete-start");
    var confirm = document.getElementById("delete-confirm");
    start.addEventListener("click", function () {
      confirm.hidden = false;
      start.hidden = true;
      confirm.scrollIntoView({ block: "center" });
    });
    document.getElementById("delete-cancel").addEventListener("click", function () {
      confirm.hidden = true;
      start.hidden = false;
    });
    var yes = document.getElementById("delete-yes");
    yes.addEventListener("click", function () {
      yes.disabled = true;
      GZ.api("DELETE", yes.getAttribute("data-api")).then(function (result) {
        if (!result.ok) {
          yes.disabled = false;
          document.getElementById("delete-error").textContent = result.data.error.message;
          return;
        }
        window.location.assign("/?deleted=1");
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("notifications");
    if (box) { notifications(box); }
    document.querySelectorAll('[data-page="proxies"]').forEach(proxies);
    var deleting = document.getElementById("delete-account");
    if (deleting) { account(deleting); }
  });
})();
