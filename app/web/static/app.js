/* 共治 pages: the elder-mode switch, read-aloud, and forms that call the JSON API
   with the cookie session and the CSRF header. Plain JavaScript, no library. */
(function () {
  "use strict";

  var M = JSON.parse(document.getElementById("gz-messages").textContent);
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var ELDER_COOKIE = "gz_elder";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  /* A conditional question is asked only when an earlier answer is one of `in`;
     otherwise it is hidden and disabled, so the form does not send it. */
  function applyConditions(form) {
    form.querySelectorAll("fieldset[data-when]").forEach(function (fieldset) {
      var when = JSON.parse(fieldset.getAttribute("data-when"));
      var chosen = Array.prototype.filter.call(
        form.querySelectorAll('[name="q.' + when.question + '"]'),
        function (input) { return input.checked && !input.matches(":disabled"); });
      var show = chosen.some(function (input) { return when["in"].indexOf(input.value) >= 0; });
      fieldset.hidden = !show;
      fieldset.disabled = !show;
    });
  }

  function format(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }

  /* Call the API; resolves to {ok, status, data}. Errors carry data.error.{code,message,fields}. */
  function api(method, url, body) {
    var headers = { "Accept": "application/json" };
    var options = { method: method, headers: headers, credentials: "same-origin" };
    if (method !== "GET" && csrfMeta && csrfMeta.content) {
      headers["X-CSRF-Token"] = csrfMeta.content;
    }
    if (body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var read = response.status === 204 ? Promise.resolve(null) :
        (type.indexOf("application/json") === 0 ? response.json() : response.blob());
      return read.then(function (data) {
        return { ok: response.ok, status: response.status, data: data, response: response };
      });
    }, function () {
      return { ok: false, status: 0, data: { error: { code: "network", message: M.network, fields: {} } } };
    });
  }

  /* Show an API error inside a form: the message, and each field's message beside it. */
  function showError(form, result) {
    var error = (result.data && result.data.error) || { message: M.network, fields: {} };
    form.querySelectorAll(".field-error").forEach(function (el) { el.textContent = ""; });
    var fields = error.fields || {};
    Object.keys(fields).forEach(function (name) {
      var slot = form.querySelector('[data-error-for="' + name + '"]');
      if (slot && typeof fields[name] === "string") { slot.textContent = fields[name]; }
    });
    var box = form.querySelector(".form-error");
    if (box) { box.textContent = error.message; }
    /* take the person to the first problem: its field (focused, so it scrolls into view),
       or the message when no field is named */
    var first = Array.prototype.find.call(form.querySelectorAll(".field-error"), function (slot) { return slot.textContent; });
    var field = first && form.querySelector('[name="' + first.getAttribute("data-error-for") + '"]');
    if (field && typeof field.focus === "function") { field.focus(); } else if (box) { box.scrollIntoView({ block: "nearest" }); }
    return error;
  }

  function clearMessages(form) {
    form.querySelectorAll(".field-error, .form-error, .form-ok").forEach(function (el) { el.textContent = ""; });
  }

  function showOk(form, text) {
    var box = form.querySelector(".form-ok");
    if (box) { box.textContent = text; }
  }

  /* A field's value as the API takes it: data-int an integer, data-cents yuan typed as
     "12.50" in integer cents (left as typed when it is not money, so the API names the
     field), data-datetime a local date and time with its offset, data-lines one item a line,
     data-null an empty value as null (an empty amount is null too). */
  function fieldValue(el) {
    var value = el.value;
    if (el.hasAttribute("data-null") && value.trim() === "") { return null; }
    if (el.hasAttribute("data-int")) { return parseInt(value, 10); }
    if (el.hasAttribute("data-cents")) {
      // full-width digits and point (a common input mode) are the amount the person meant
      var typed = value.trim().replace(/[\uFF10-\uFF19\uFF0E]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
      });
      if (typed === "") { return null; }  /* nothing typed: the API says the amount is missing */
      return /^\d+(\.\d{1,2})?$/.test(typed) ? Math.round(parseFloat(typed) * 100) : value;
    }
    if (el.hasAttribute("data-datetime") && value) { return new Date(value).toISOString(); }
    if (el.hasAttribute("data-lines")) {
      return value.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
    }
    return value;
  }

  /* The JSON body of a form: inputs by name (see fieldValue); data-list checkboxes of one
     name make a list. */
  function formBody(form) {
    var body = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) { return; }
      if (el.hasAttribute("data-list") && !(el.name in body)) { body[el.name] = []; }
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
      var value = fieldValue(el);
      if (el.hasAttribute("data-list")) { body[el.name].push(value); } else { body[el.name] = value; }
    });
    return body;
  }

  /* Load the page again, at most once, and never over a form just sent. A page that
     listens live can be asked twice for the same news (a console button's own answer and
     the live event it caused): a second reload started while the first is on its way
     cancels it. A sent form's answer is the next page, already up to date: a reload then
     would cancel the post and hide its answer (a receipt, or why it was refused). */
  var leaving = false;
  function reload() {
    if (leaving) { return; }
    leaving = true;
    window.location.reload();
  }
  function leave() { leaving = true; }

  /* <form data-api="/api/v1/..." [data-method] [data-multipart] [data-success="message:key|reload|reload-at:anchor-prefix|go:/path"]> */
  function wireApiForm(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearMessages(form);
      var button = form.querySelector('[type="submit"]');
      if (button) { button.disabled = true; }
      var body = form.hasAttribute("data-multipart") ? new FormData(form) : formBody(form);
      api(form.getAttribute("data-method") || "POST", form.getAttribute("data-api"), body).then(function (result) {
        if (button) { button.disabled = false; }
        if (!result.ok) {
          showError(form, result);
          form.dispatchEvent(new CustomEvent("gz:error", { detail: result }));
          return;
        }
        var then = form.getAttribute("data-success") || "";
        form.dispatchEvent(new CustomEvent("gz:success", { detail: result }));
        if (then.indexOf("message:") === 0) { showOk(form, M[then.slice(8)] || M.saved); }
        if (then.indexOf("go:") === 0) { window.location.assign(then.slice(3)); }
        if (then.indexOf("reload-at:") === 0) {
          /* back on this page at what was just recorded: scrolled to (scrollToRecorded) and
             outlined (:target), not where the page was scrolled before */
          if ("scrollRestoration" in window.history) { window.history.scrollRestoration = "manual"; }
          window.location.hash = then.slice(10) + result.data.id;
          window.sessionStorage.setItem(SCROLL_TO, window.location.hash.slice(1));
          reload();
        }
        if (then === "reload" || form.hasAttribute("data-reload")) {
          window.setTimeout(reload, form.hasAttribute("data-reload") ? 1500 : 0);
        }
      });
    });
  }

  /* 长辈模式: bigger type, stronger contrast, bigger tap targets; remembered in a cookie
     so the server renders the next page the same way. */
  function setElder(on) {
    document.documentElement.classList.toggle("elder", on);
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = ELDER_COOKIE + "=" + (on ? "1" : "0") + "; Max-Age=31536000; Path=/; SameSite=Lax" + secure;
    var toggle = document.getElementById("elder-toggle");
    if (toggle) {
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
      toggle.textContent = on ? M.elderOn : M.elderOff;
    }
  }

  /* 朗读, started only by a tap. The page's main content as it is on screen now (what
     scripts filled in, without what is hidden or an item's options not chosen) goes to
     the server, which answers it as people say it (numbers, dates, money); the browser's
     own Chinese voice speaks it, or, without one (WeChat's browser, Android WebViews,
     a desktop without Chinese voices), the server's MP3 plays. */
  function visibleMain() {
    var main = document.getElementById("main");
    var copy = main.cloneNode(true);
    var shown = main.querySelectorAll("*"), copies = copy.querySelectorAll("*");
    for (var i = 0; i < shown.length; i++) {
      var off = !shown[i].getClientRects().length;
      var pick = shown[i].closest("[data-read-aloud-choices]") && shown[i].matches("label");
      if (pick) { off = !(shown[i].querySelector("input") || {}).checked; }
      /* only what the server's reading looks at is sent: a long ballot stays small */
      Array.prototype.slice.call(copies[i].attributes).forEach(function (attribute) {
        if (!/^(data-read-aloud|hidden|aria-hidden|type)$/.test(attribute.name)) { copies[i].removeAttribute(attribute.name); }
      });
      if (off) { copies[i].setAttribute("data-read-aloud", "skip"); } else if (pick) { copies[i].removeAttribute("data-read-aloud"); }
    }
    return copy.outerHTML;
  }

  function chineseVoice(synth) {
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") { return null; }
    return synth.getVoices().filter(function (v) { return /^(zh|cmn)/i.test(v.lang); })[0] || null;
  }

  function wireReadAloud() {
    var button = document.getElementById("read-aloud");
    if (!button) { return; }
    button.hidden = false;
    var synth = window.speechSynthesis;
    var audio = document.getElementById("read-aloud-audio");
    var busy = false;
    function label(text, pressed) {
      button.textContent = text;
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
    }
    function idle() { busy = false; label(M.readAloud, false); }
    function failed() {
      busy = false;
      label(M.readAloudFailed, false);
      window.setTimeout(idle, 3000);
    }

    function playFromServer(url) {
      audio.src = url;
      var playing = audio.play();
      if (playing && playing.catch) { playing.catch(function () { if (audio.paused) { failed(); } }); }
    }

    function speakHere(text, voice, fallback) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = "zh-CN";
      utterance.rate = 0.9;
      utterance.voice = voice;
      utterance.onend = idle;
      utterance.onerror = function () { if (busy) { fallback(); } };
      label(M.stopReading, true);
      synth.speak(utterance);
    }

    function start() {
      var voice = chineseVoice(synth);
      busy = true;
      label(M.readAloudPreparing, true);
      function serverAudio() {
        api("POST", "/api/v1/read-aloud", { html: visibleMain(), audio: true }).then(function (r) {
          if (!busy) { return; }
          if (r.ok && r.data.audio_url) { playFromServer(r.data.audio_url); } else { failed(); }
        });
      }
      if (!voice) { serverAudio(); return; }
      api("POST", "/api/v1/read-aloud", { html: visibleMain() }).then(function (r) {
        if (!busy) { return; }
        if (r.ok) { speakHere(r.data.text, voice, serverAudio); } else { failed(); }
      });
    }

    function stop() {
      if (synth && (synth.speaking || synth.pending)) { synth.cancel(); }
      if (audio && !audio.paused) { audio.pause(); audio.currentTime = 0; }
      idle();
    }

    if (audio) {
      audio.addEventListener("playing", function () { label(M.stopReading, true); });
      audio.addEventListener("ended", idle);
      audio.addEventListener("error", function () { if (busy) { failed(); } });
    }
    button.addEventListener("click", function () { if (busy) { stop(); } else { start(); } });
  }

  /* Live updates: Socket.IO (served by this site) with an access token asked for
     through the cookie session; subscribes to one room, shows the state in `stateEl`.
     handlers: {event: function (data) {...}} */
  /* Watch one room or several (a list); the badge says live only when every room agreed. */
  function live(rooms, handlers, stateEl) {
    if (typeof window.io !== "function") { return null; }
    function setState(on) {
      if (!stateEl) { return; }
      stateEl.textContent = on ? (stateEl.getAttribute("data-on") || M.liveOn) : M.liveOff;
      stateEl.className = "badge " + (on ? "badge-open" : "badge-pending");
    }
    var socket = window.io({
      transports: ["websocket", "polling"],
      auth: function (callback) {
        api("POST", "/api/v1/auth/session/live-token", {}).then(function (result) {
          callback({ token: result.ok ? result.data.access_token : "" });
        });
      }
    });
    rooms = [].concat(rooms);
    socket.on("connect", function () {
      var agreed = 0;
      rooms.forEach(function (room) {
        socket.emit("subscribe", { room: room }, function (ack) {
          agreed += ack && ack.ok ? 1 : 0;
          setState(agreed === rooms.length);
        });
      });
    });
    socket.on("disconnect", function () { setState(false); });
    Object.keys(handlers).forEach(function (event) { socket.on(event, handlers[event]); });
    return socket;
  }

  function wireLogout() {
    var button = document.getElementById("logout");
    if (!button) { return; }
    button.addEventListener("click", function () {
      api("DELETE", "/api/v1/auth/session").then(function () { window.location.assign("/"); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("elder-toggle");
    if (toggle) {
      toggle.addEventListener("click", function () {
        setElder(!document.documentElement.classList.contains("elder"));
      });
    }
    wireReadAloud();
    wireLogout();
    document.querySelectorAll("form[data-api]").forEach(wireApiForm);
    scrollToRecorded();
  });

  /* After a form's reload-at: the record just made, in the middle of the screen. */
  var SCROLL_TO = "gz:scroll-to";
  function scrollToRecorded() {
    var id = window.sessionStorage.getItem(SCROLL_TO);
    if (!id) { return; }
    window.sessionStorage.removeItem(SCROLL_TO);
    var target = document.getElementById(id);
    if (target) { target.scrollIntoView({ block: "center" }); }
  }

  window.GZ = { M: M, api: api, format: format, live: live, reload: reload, leave: leave,
                showError: showError, showOk: showOk,
                clearMessages: clearMessages, formBody: formBody, el: el,
                applyConditions: applyConditions };

  /* One date format everywhere, as the server writes it (app.display.china_time):
     2026年11月30日 18:00, Beijing time. */
  window.GZ.cnTime = function (iso) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(iso)).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "年" + parts.month + "月" + parts.day + "日 " + parts.hour + ":" + parts.minute;
  };

  /* A calendar day (an ISO date, "2026-12-07") as the pages write days: 2026年12月07日 */
  window.GZ.cnDate = function (day) {
    var parts = String(day || "").split("-");
    return parts.length === 3 ? parts[0] + "年" + parts[1] + "月" + parts[2] + "日" : day;
  };

  /* A ratio as people read it, as the pages' `percent` filter writes it: "0.0833" -> "8.3%"
     (one decimal, half up; decimal strings of four places at most, so no float drift). */
  window.GZ.percent = function (decimal) {
    var tenThousandths = Math.round(Number(decimal) * 10000);
    return (Math.floor((tenThousandths + 5) / 10) / 10).toFixed(1) + "%";
  };

  /* Messages are shown by the pages next to each field: never the browser's own bubbles. */
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form").forEach(function (form) { form.noValidate = true; });
  });
})();
