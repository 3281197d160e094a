/* goalmeet — small progressive enhancements. No framework, no inline handlers
   (served under a CSP without 'unsafe-inline'); every page works without it. */
(function () {
  "use strict";

  var doc = document;
  doc.documentElement.classList.add("js");

  function closestEl(target, selector) {
    return target && target.nodeType === 1 ? target.closest(selector) : null;
  }

  /* ---------------------------------------------------------------
     (a) Sidebar menu toggle (narrow screens)
     --------------------------------------------------------------- */
  function sidebar() {
    return doc.getElementById("sidebar");
  }

  function setMenu(open, restoreFocus) {
    var sb = sidebar();
    if (!sb) return;
    sb.classList.toggle("open", open);
    var toggles = doc.querySelectorAll(".menu-toggle");
    toggles.forEach(function (b) {
      b.setAttribute("aria-expanded", open ? "true" : "false");
    });
    if (open) {
      var first = sb.querySelector("a, button, summary");
      if (first) first.focus();
    } else if (restoreFocus && toggles[0] && sb.contains(doc.activeElement)) {
      toggles[0].focus();
    }
  }

  function menuOpen() {
    var sb = sidebar();
    return !!sb && sb.classList.contains("open");
  }

  /* ---------------------------------------------------------------
     (b) Local times: <time datetime="..." data-format="datetime|date|relative">
     --------------------------------------------------------------- */
  var fmtCache = {};
  function fmt(kind) {
    if (!fmtCache[kind]) {
      var opts = {
        datetime: { dateStyle: "medium", timeStyle: "short" },
        date: { dateStyle: "medium" },
        fullDate: { dateStyle: "full" },
        full: { dateStyle: "full", timeStyle: "long" }
      }[kind];
      fmtCache[kind] = new Intl.DateTimeFormat(undefined, opts);
    }
    return fmtCache[kind];
  }

  var rtf = null;
  function relative(date) {
    if (!rtf) {
      if (typeof Intl.RelativeTimeFormat !== "function") return null;
      rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });
    }
    var secs = (date.getTime() - Date.now()) / 1000;
    var abs = Math.abs(secs);
    var units = [
      ["year", 31536000], ["month", 2592000], ["week", 604800],
      ["day", 86400], ["hour", 3600], ["minute", 60]
    ];
    for (var i = 0; i < units.length; i++) {
      // switch unit once the amount reaches 1 (weeks and months from 2 on, reads better)
      var min = units[i][0] === "week" || units[i][0] === "month" ? 2 : 1;
      if (abs >= units[i][1] * min) {
        return rtf.format(Math.round(secs / units[i][1]), units[i][0]);
      }
    }
    return rtf.format(0, "second");
  }

  function parseDate(value) {
    if (!value) return null;
    // A plain date (YYYY-MM-DD) is a calendar day, not UTC midnight.
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    var d = m ? new Date(+m[1], +m[2] - 1, +m[3]) : new Date(value);
    return isNaN(d.getTime()) ? null : { date: d, dateOnly: !!m };
  }

  function renderTime(el) {
    var parsed = parseDate(el.getAttribute("datetime"));
    if (!parsed) return; // keep the server's text
    var kind = el.getAttribute("data-format") || "datetime";
    var text;
    try {
      if (kind === "relative") text = relative(parsed.date);
      else if (kind === "date" || parsed.dateOnly) text = fmt("date").format(parsed.date);
      else text = fmt("datetime").format(parsed.date);
      var title = fmt(parsed.dateOnly ? "fullDate" : "full").format(parsed.date);
      if (title && el.getAttribute("title") !== title) el.setAttribute("title", title);
    } catch (e) {
      return;
    }
    if (text && el.textContent !== text) el.textContent = text;
  }

  function renderTimes(root) {
    (root || doc).querySelectorAll("time[datetime][data-format]").forEach(renderTime);
  }

  /* ---------------------------------------------------------------
     (f) Toasts fade after 4 s
     --------------------------------------------------------------- */
  function scheduleToasts(root) {
    (root || doc).querySelectorAll(".toast:not([data-toast-timer])").forEach(function (t) {
      t.setAttribute("data-toast-timer", "1");
      setTimeout(function () { hideToast(t); }, 4000);
    });
  }

  function hideToast(t) {
    if (!t.isConnected || t.classList.contains("toast-hide")) return;
    t.classList.add("toast-hide");
    var done = false;
    function remove() {
      if (done) return;
      done = true;
      t.remove();
    }
    t.addEventListener("transitionend", remove);
    setTimeout(remove, 400); // no transition (reduced motion) or event missed
  }

  function enhance(root) {
    renderTimes(root);
    scheduleToasts(root);
    enhanceMeetings(root);
  }

  /* ---------------------------------------------------------------
     Clicks: menu toggle, outside-click closes menu, copy buttons,
     dialog backdrop, toast dismissal
     --------------------------------------------------------------- */
  // Capture phase: while the off-canvas menu is open, a click on the dimmed page only
  // closes the menu and must not also follow a link or trigger htmx underneath.
  doc.addEventListener("click", function (e) {
    var t = e.target;
    if (closestEl(t, ".menu-toggle")) {
      e.preventDefault();
      setMenu(!menuOpen(), false);
      e.stopPropagation();
      return;
    }
    if (menuOpen() && !closestEl(t, "#sidebar")) {
      e.preventDefault();
      e.stopPropagation();
      setMenu(false, false);
    }
  }, true);

  doc.addEventListener("click", function (e) {
    var t = e.target;

    var copyBtn = closestEl(t, "[data-copy]");
    if (copyBtn) {
      e.preventDefault();
      copyFrom(copyBtn);
      return;
    }

    // click on a modal dialog's backdrop closes it
    if (t && t.tagName === "DIALOG" && t.open) {
      var r = t.getBoundingClientRect();
      if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) t.close();
      return;
    }

    var toast = closestEl(t, ".toast");
    if (toast && !closestEl(t, "a, button")) hideToast(toast);
  });

  /* (d) Copy to clipboard: <button data-copy="#selector"> */
  function copyFrom(btn) {
    var src = doc.querySelector(btn.getAttribute("data-copy"));
    if (!src) return;
    var value = "value" in src ? src.value : src.textContent;

    function feedback() {
      if (!btn.hasAttribute("data-copy-label")) btn.setAttribute("data-copy-label", btn.textContent);
      btn.textContent = "Copied";
      clearTimeout(btn._copyTimer);
      btn._copyTimer = setTimeout(function () {
        btn.textContent = btn.getAttribute("data-copy-label");
        btn.removeAttribute("data-copy-label");
      }, 1500);
    }

    function fallback() {
      // Works on plain-http self-hosted installs where navigator.clipboard is unavailable.
      if (typeof src.select === "function") {
        src.focus();
        src.select();
        try {
          if (doc.execCommand("copy")) feedback();
        } catch (err) { /* leave the text selected for manual copy */ }
      }
    }

    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(feedback, fallback);
    } else {
      fallback();
    }
  }

  /* ---------------------------------------------------------------
     (c) Confirm before submitting: <form data-confirm="Question?">
     Capture phase, so it runs before htmx's own submit listener.
     --------------------------------------------------------------- */
  doc.addEventListener("submit", function (e) {
    var form = e.target;
    var submitter = e.submitter;
    var question = (submitter && submitter.getAttribute("data-confirm")) ||
      (form && form.getAttribute && form.getAttribute("data-confirm"));
    if (question && !window.confirm(question)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);

  /* (g) <select data-autosubmit> submits its form on change */
  doc.addEventListener("change", function (e) {
    var sel = closestEl(e.target, "select[data-autosubmit]");
    if (!sel || !sel.form) return;
    if (typeof sel.form.requestSubmit === "function") sel.form.requestSubmit();
    else sel.form.submit();
  });

  /* ---------------------------------------------------------------
     (e) Keyboard shortcuts
     --------------------------------------------------------------- */
  function isTyping(el) {
    if (!el || el.nodeType !== 1) return false;
    if (el.isContentEditable) return true;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  function visible(el) {
    return el.getClientRects().length > 0;
  }

  function moveRow(step) {
    var rows = Array.prototype.filter.call(doc.querySelectorAll("[data-row-link]"), visible);
    if (!rows.length) return false;
    var active = doc.activeElement;
    var idx = -1;
    for (var i = 0; i < rows.length; i++) {
      if (rows[i] === active || rows[i].contains(active)) { idx = i; break; }
    }
    var next = idx === -1 ? (step > 0 ? 0 : rows.length - 1)
      : Math.min(rows.length - 1, Math.max(0, idx + step));
    var el = rows[next];
    if (el.tabIndex < 0 && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus();
    if (el.scrollIntoView) el.scrollIntoView({ block: "nearest" });
    return true;
  }

  doc.addEventListener("keydown", function (e) {
    if (e.defaultPrevented) return;

    if (e.key === "Escape") {
      var open = doc.querySelector("dialog[open]");
      if (open) {
        open.close();
        e.preventDefault();
        return;
      }
      if (menuOpen()) {
        setMenu(false, true);
        e.preventDefault();
      }
      return;
    }

    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (doc.querySelector("dialog[open]")) return;

    switch (e.key) {
      case "?": {
        var dlg = doc.querySelector("dialog.shortcuts");
        if (dlg && typeof dlg.showModal === "function") {
          e.preventDefault();
          dlg.showModal();
        }
        break;
      }
      case "/": {
        var search = doc.querySelector("[data-shortcut-search]");
        if (search) {
          e.preventDefault();
          search.focus();
          if (typeof search.select === "function") search.select();
        }
        break;
      }
      case "n": {
        var link = doc.querySelector("a[data-shortcut-new]");
        if (link) {
          e.preventDefault();
          link.click(); // click() so hx-boost and other handlers still apply
        }
        break;
      }
      case "j":
      case "k":
        if (moveRow(e.key === "j" ? 1 : -1)) e.preventDefault();
        break;
    }
  });

  /* ---------------------------------------------------------------
     Time zone: forms with input[data-detect-tz] get the browser's zone
     --------------------------------------------------------------- */
  function detectTimeZone(root) {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (err) { return; }
    if (!zone) return;
    root.querySelectorAll("input[data-detect-tz]").forEach(function (input) {
      if (!input.value || input.value === "UTC") input.value = zone;
    });
  }
  doc.addEventListener("DOMContentLoaded", function () { detectTimeZone(doc); });

  /* ---------------------------------------------------------------
     (h) Meetings: agenda time bar, run-mode timers, drag-to-reorder,
     refocus after adding, run-mode keys, dropdown menus
     --------------------------------------------------------------- */
  function within(root, selector) {
    root = root && root.querySelectorAll ? root : doc;
    var list = Array.prototype.slice.call(root.querySelectorAll(selector));
    if (root.nodeType === 1 && root.matches(selector)) list.unshift(root);
    return list;
  }

  function enhanceMeetings(root) {
    setTimebars(root || doc);
    startTicker();
    addRunHelp();
  }

  /* Planned vs available time: <span class="timebar-fill" data-width="42"> */
  function setTimebars(root) {
    within(root, ".timebar-fill[data-width]").forEach(function (el) {
      var v = parseFloat(el.getAttribute("data-width"));
      if (!isFinite(v)) return;
      var w = Math.max(0, Math.min(100, v)) + "%";
      if (el.style.width !== w) el.style.width = w;
    });
  }

  /* Instants from the server (RFC 3339, maybe with nanoseconds, which some engines reject). */
  function parseInstant(value) {
    if (!value) return NaN;
    value = String(value).trim();
    var m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(:\d{2})?(?:[.,](\d+))?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/.exec(value);
    if (!m) return Date.parse(value);
    var frac = ((m[4] || "") + "000").slice(0, 3);
    var zone = m[5] ? m[5].toUpperCase() : "Z"; // the server speaks UTC
    if (zone !== "Z") {
      var z = zone.replace(":", "");
      zone = z.slice(0, 3) + ":" + (z.slice(3) || "00");
    }
    return Date.parse(m[1] + "T" + m[2] + (m[3] || ":00") + "." + frac + zone);
  }

  function pad2(n) { return (n < 10 ? "0" : "") + n; }

  // 75 -> "1:15"  (countdown: minutes unpadded)
  function fmtMinSec(sec) { return Math.floor(sec / 60) + ":" + pad2(sec % 60); }

  // meeting clock: "mm:ss", or "h:mm:ss" when the meeting is longer than an hour
  function fmtClock(sec, hours) {
    if (hours) return Math.floor(sec / 3600) + ":" + pad2(Math.floor(sec / 60) % 60) + ":" + pad2(sec % 60);
    return pad2(Math.floor(sec / 60)) + ":" + pad2(sec % 60);
  }

  function spoken(sec) {
    var h = Math.floor(sec / 3600), m = Math.floor(sec / 60) % 60, s = sec % 60;
    var parts = [];
    if (h) parts.push(h + (h === 1 ? " hour" : " hours"));
    if (m) parts.push(m + (m === 1 ? " minute" : " minutes"));
    if (s || !parts.length) parts.push(s + (s === 1 ? " second" : " seconds"));
    return parts.join(" ");
  }

  function num(el, name) {
    var v = el.getAttribute(name);
    return v === null || v === "" ? NaN : Number(v);
  }

  // One polite live region for one-off announcements (the timers themselves stay quiet).
  function announce(message) {
    var region = doc.getElementById("gm-announcer");
    if (!region) {
      region = doc.createElement("div");
      region.id = "gm-announcer";
      region.className = "sr-only";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      doc.body.appendChild(region);
    }
    region.textContent = "";
    setTimeout(function () { region.textContent = message; }, 50);
  }

  /* <p data-countdown data-started="RFC 3339 or empty" data-used="s" data-timebox="s"> */
  function renderCountdown(el, now) {
    var timebox = num(el, "data-timebox");
    if (!isFinite(timebox)) return;
    var used = num(el, "data-used");
    var started = parseInstant(el.getAttribute("data-started"));
    var elapsed = (isFinite(used) ? used : 0) + (isFinite(started) ? Math.max(0, (now - started) / 1000) : 0);
    var remaining = timebox - elapsed;
    var over = remaining < 0;
    var secs = over ? Math.floor(-remaining) : Math.ceil(remaining);
    var key = (over ? "+" : "") + secs;
    if (el._gmKey === key) return;
    var first = el._gmKey === undefined;
    el._gmKey = key;

    if (first) {
      // the text changes every second: no live announcements, a timer role with a label instead
      el.setAttribute("role", "timer");
      el.setAttribute("aria-live", "off");
    }
    el.textContent = "";
    if (over) {
      el.appendChild(doc.createTextNode("+" + fmtMinSec(secs)));
      var unit = doc.createElement("span");
      unit.className = "run-countdown-unit";
      unit.textContent = " over";
      el.appendChild(unit);
      el.setAttribute("aria-label", spoken(secs) + " over the timebox");
    } else {
      el.textContent = fmtMinSec(secs);
      el.setAttribute("aria-label", spoken(secs) + " left");
    }
    var wasOver = el.classList.contains("overrun");
    el.classList.toggle("overrun", over);
    if (!first && over && !wasOver) announce("Timebox used up");
    else if (!first && !over && secs === 60) announce("One minute left");
  }

  /* <span data-meeting-clock data-started data-duration="s"><span data-clock-text>…</span></span> */
  function renderClock(el, now) {
    var total = num(el, "data-duration");
    var started = parseInstant(el.getAttribute("data-started"));
    var hasTotal = isFinite(total) && total > 0;
    var hours = hasTotal && total > 3600;
    var elapsed = isFinite(started) ? Math.max(0, Math.floor((now - started) / 1000)) : null;
    var text = (elapsed === null ? "\u2014" : fmtClock(elapsed, hours)) +
      (hasTotal ? " / " + fmtClock(total, hours) : "");
    var over = elapsed !== null && hasTotal && elapsed > total;
    var out = el.querySelector("[data-clock-text]") || el;
    if (out.textContent !== text) out.textContent = text;
    el.classList.toggle("overrun", over);
    if (el.getAttribute("role") !== "timer") el.setAttribute("role", "timer");
    var label = "Meeting time " + (elapsed === null ? "not started" : spoken(elapsed)) +
      (hasTotal ? " of " + spoken(total) : "") + (over ? ", over time" : "");
    if (el.getAttribute("aria-label") !== label) el.setAttribute("aria-label", label);
  }

  var ticker = null;
  function tick() {
    var countdowns = doc.querySelectorAll("[data-countdown]");
    var clocks = doc.querySelectorAll("[data-meeting-clock]");
    if (!countdowns.length && !clocks.length) {
      if (ticker !== null) { clearInterval(ticker); ticker = null; }
      return;
    }
    var now = Date.now();
    countdowns.forEach(function (el) { renderCountdown(el, now); });
    clocks.forEach(function (el) { renderClock(el, now); });
  }
  // Safe to call as often as you like: there is only ever one interval.
  function startTicker() {
    if (!doc.querySelector("[data-countdown], [data-meeting-clock]")) return;
    tick();
    if (ticker === null) ticker = setInterval(tick, 1000);
  }
  doc.addEventListener("visibilitychange", function () {
    if (!doc.hidden) startTicker(); // background tabs throttle timers
  });

  /* Drag to reorder: <ol data-reorder-url data-csrf><li draggable="true" data-id> */
  var drag = null; // { li, list, at } — at: element to insert before, null = end, undefined = no change

  function reorderItem(node) {
    var li = closestEl(node, "li[data-id]");
    return li && li.parentElement && li.parentElement.matches("ol[data-reorder-url]") ? li : null;
  }

  function itemsOf(list) {
    return Array.prototype.filter.call(list.children, function (c) { return c.matches("li[data-id]"); });
  }

  function nextItem(li) {
    var n = li.nextElementSibling;
    while (n && !n.matches("li[data-id]")) n = n.nextElementSibling;
    return n;
  }

  function clearDropMarks(list) {
    (list || doc).querySelectorAll(".drop-before, .drop-after").forEach(function (el) {
      el.classList.remove("drop-before", "drop-after");
    });
  }

  function markDrop(at) {
    var li = drag.li;
    var noop = at === li || at === nextItem(li);
    var mark = null, cls = "drop-before";
    if (!noop) {
      if (at) mark = at;
      else {
        var items = itemsOf(drag.list);
        mark = items[items.length - 1];
        cls = "drop-after";
      }
    }
    drag.at = noop ? undefined : at;
    if (mark && mark.classList.contains(cls)) return;
    clearDropMarks(drag.list);
    if (mark) mark.classList.add(cls);
  }

  function finishDrag() {
    if (!drag) return;
    drag.li.classList.remove("dragging");
    clearDropMarks(drag.list);
    drag = null;
  }

  doc.addEventListener("dragstart", function (e) {
    var li = reorderItem(e.target);
    if (!li || e.target !== li || li.getAttribute("draggable") !== "true") return;
    drag = { li: li, list: li.parentElement, at: undefined };
    if (e.dataTransfer) {
      e.dataTransfer.effectAllowed = "move";
      try { e.dataTransfer.setData("text/plain", li.getAttribute("data-id")); } catch (err) { /* old engines */ }
    }
    // after the browser took its drag image, so the image is not faded
    setTimeout(function () { if (drag && drag.li === li) li.classList.add("dragging"); }, 0);
  });

  doc.addEventListener("dragover", function (e) {
    if (!drag) return;
    var list = closestEl(e.target, "ol[data-reorder-url]");
    if (list !== drag.list) {
      drag.at = undefined;
      clearDropMarks(drag.list);
      return;
    }
    e.preventDefault(); // allow dropping here
    if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
    var over = reorderItem(e.target);
    var at = null;
    if (over) {
      var r = over.getBoundingClientRect();
      at = e.clientY < r.top + r.height / 2 ? over : nextItem(over);
    } else {
      // in a gap between items: the first item whose middle is below the pointer
      var items = itemsOf(list);
      for (var i = 0; i < items.length; i++) {
        var b = items[i].getBoundingClientRect();
        if (e.clientY < b.top + b.height / 2) { at = items[i]; break; }
      }
    }
    markDrop(at);
  });

  doc.addEventListener("drop", function (e) {
    if (!drag) return;
    var list = closestEl(e.target, "ol[data-reorder-url]");
    if (list !== drag.list) return;
    e.preventDefault();
    var li = drag.li, at = drag.at;
    finishDrag();
    if (at === undefined) return;
    var before = itemsOf(list);
    list.insertBefore(li, at); // at === null appends
    var order = itemsOf(list).map(function (x) { return x.getAttribute("data-id"); });
    if (order.join(",") === before.map(function (x) { return x.getAttribute("data-id"); }).join(",")) return;
    saveOrder(list, order, function revert() {
      if (!list.isConnected) return;
      before.forEach(function (x) { list.appendChild(x); });
    });
  });

  doc.addEventListener("dragend", finishDrag);

  // Selecting text in a field inside a draggable row must not start a drag.
  doc.addEventListener("focusin", function (e) {
    if (!isTyping(e.target)) return;
    var li = closestEl(e.target, 'li[draggable="true"]');
    if (li) {
      li.setAttribute("draggable", "false");
      li.setAttribute("data-drag-paused", "");
    }
  });
  doc.addEventListener("focusout", function (e) {
    var li = closestEl(e.target, "li[data-drag-paused]");
    if (!li) return;
    var next = e.relatedTarget;
    if (next && li.contains(next) && isTyping(next)) return;
    li.removeAttribute("data-drag-paused");
    li.setAttribute("draggable", "true");
  });

  function showToast(message, isError) {
    var t = doc.createElement("div");
    t.className = "toast " + (isError ? "toast-error" : "toast-success");
    t.setAttribute("role", isError ? "alert" : "status");
    t.textContent = message;
    (doc.getElementById("main") || doc.body).appendChild(t);
    scheduleToasts(t.parentNode);
  }

  function saveOrder(list, ids, revert) {
    var url = list.getAttribute("data-reorder-url");
    var headers = { "Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true" };
    var csrf = list.getAttribute("data-csrf");
    if (csrf) headers["X-CSRF-Token"] = csrf;
    list.setAttribute("aria-busy", "true");
    function failed() {
      list.removeAttribute("aria-busy");
      revert();
      showToast("Could not save the new order. Try again, or use the arrow buttons.", true);
    }
    if (typeof fetch !== "function") { failed(); return; }
    fetch(url, {
      method: "POST",
      headers: headers,
      body: "ids=" + encodeURIComponent(ids.join(",")),
      credentials: "same-origin"
    }).then(function (res) {
      return res.text().then(function (html) {
        // the server answers with the new #agenda section (also for a refused change)
        if (!replaceAgenda(html)) failed();
      });
    }).catch(failed);
  }

  function replaceAgenda(html) {
    var tpl = doc.createElement("template");
    tpl.innerHTML = html;
    var fresh = tpl.content.querySelector("#agenda");
    var old = doc.getElementById("agenda");
    if (!fresh || !old) return false;
    var htmx = window.htmx;
    if (htmx && typeof htmx.swap === "function") {
      try {
        htmx.swap(old, fresh.outerHTML, { swapStyle: "outerHTML" });
      } catch (err) { /* fall through to a plain replacement below */ }
    }
    if (old.isConnected) {
      old.replaceWith(fresh);
      fresh = doc.getElementById("agenda");
      if (fresh && htmx && typeof htmx.process === "function") htmx.process(fresh);
    }
    var now = doc.getElementById("agenda");
    if (now) enhance(now);
    return true;
  }

  /* After adding with Enter, keep typing: focus the [data-refocus] field again. */
  doc.addEventListener("htmx:afterSwap", function (e) {
    var d = e.detail || {};
    var cfg = d.requestConfig;
    var trig = cfg && cfg.elt;
    if (!trig || trig.nodeType !== 1) return;
    if (cfg.triggeringEvent && cfg.triggeringEvent.type !== "submit") return;
    var form = trig.tagName === "FORM" ? trig : (trig.form || closestEl(trig, "form"));
    var field = form && form.querySelector("[data-refocus]");
    if (!field) return;
    var swapped = d.elt && d.elt.nodeType === 1 ? d.elt : null;
    var target = (field.id && doc.getElementById(field.id)) ||
      (swapped && (swapped.matches("[data-refocus]") ? swapped : swapped.querySelector("[data-refocus]")));
    if (target && target.isConnected && doc.activeElement !== target) target.focus();
  });

  /* Run mode keys: → next, ← previous, d mark discussed */
  function runButton(to) {
    var inputs = doc.querySelectorAll('.run form input[name="to"]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].value !== to || !inputs[i].form) continue;
      var btn = inputs[i].form.querySelector("button:not([disabled]), input[type=submit]:not([disabled])");
      if (btn) return btn;
    }
    return null;
  }

  doc.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
    if (!doc.querySelector(".run") || isTyping(e.target) || doc.querySelector("dialog[open]")) return;
    var btn = null;
    if (e.key === "ArrowRight") btn = runButton("next");
    else if (e.key === "ArrowLeft") btn = runButton("previous");
    else if (e.key === "d" && !e.shiftKey) btn = doc.getElementById("mark-discussed");
    if (!btn) return;
    e.preventDefault();
    if (doc.querySelector(".run .htmx-request")) return; // one move at a time
    btn.click();
  });

  function addRunHelp() {
    var dl = doc.querySelector("dialog.shortcuts dl");
    if (!dl || !doc.querySelector(".run") || dl.querySelector("[data-run-help]")) return;
    [[["\u2192", "\u2190"], "Next / previous agenda item"], [["d"], "Mark the current item discussed"]].forEach(function (row) {
      var dt = doc.createElement("dt");
      dt.setAttribute("data-run-help", "");
      row[0].forEach(function (k, i) {
        if (i) dt.appendChild(doc.createTextNode(" / "));
        var kbd = doc.createElement("kbd");
        kbd.textContent = k;
        dt.appendChild(kbd);
      });
      var dd = doc.createElement("dd");
      dd.textContent = row[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
  }

  /* Dropdown menus (<details class="menu">): one open at a time, kept on screen,
     closed by an outside click or Esc */
  function placeMenu(menu) {
    var body = menu.querySelector(".menu-body");
    if (!body) return;
    body.style.left = "";
    body.style.right = "";
    var vw = doc.documentElement.clientWidth;
    var r = body.getBoundingClientRect();
    var gap = 8;
    var shift = r.right > vw - gap ? (vw - gap) - r.right : (r.left < gap ? gap - r.left : 0);
    if (shift) {
      var left = r.left - menu.getBoundingClientRect().left + shift;
      body.style.right = "auto";
      body.style.left = Math.round(left) + "px";
    }
  }

  doc.addEventListener("toggle", function (e) {
    var menu = e.target;
    if (!menu || menu.nodeType !== 1 || !menu.matches("details.menu") || !menu.open) return;
    doc.querySelectorAll("details.menu[open]").forEach(function (other) {
      if (other !== menu && !other.contains(menu)) other.open = false;
    });
    placeMenu(menu);
  }, true); // toggle does not bubble

  doc.addEventListener("click", function (e) {
    doc.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(e.target)) menu.open = false;
    });
  });

  doc.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || e.defaultPrevented) return;
    var open = doc.querySelectorAll("details.menu[open]");
    if (!open.length) return;
    var menu = open[open.length - 1];
    menu.open = false;
    var summary = menu.querySelector("summary");
    if (summary && menu.contains(doc.activeElement)) summary.focus();
    else if (summary && doc.activeElement === doc.body) summary.focus();
    e.preventDefault();
  });

  doc.addEventListener("htmx:load", function (e) { enhanceMeetings(e.target); });

  /* ---------------------------------------------------------------
     Startup and htmx swaps
     --------------------------------------------------------------- */
  if (doc.readyState === "loading") {
    doc.addEventListener("DOMContentLoaded", function () { enhance(doc); });
  } else {
    enhance(doc);
  }
  doc.addEventListener("htmx:afterSwap", function () { enhance(doc); });
  doc.addEventListener("htmx:oobAfterSwap", function () { enhance(doc); });

  // keep "in 5 min" honest
  setInterval(function () {
    doc.querySelectorAll('time[datetime][data-format="relative"]').forEach(renderTime);
  }, 60000);
})();
