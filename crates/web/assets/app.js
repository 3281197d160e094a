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
