/* walletdesk console: the canned-reply picker of a ticket's reply form (#canned-picker).
 * The list is fetched from /api/v1/chat/canned?ticket=… the first time the picker opens (titles in
 * the console's language, bodies in the ticket's with the customer's name, the ticket number and the
 * agent's name filled in on the server), so the ticket page itself loads nothing more. A reply goes
 * into the textarea as text at the cursor; nothing from the list is ever parsed as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("canned-picker");
  if (!root) return;
  var button = document.getElementById("canned-open");
  var target = document.getElementById(root.dataset.target);
  // The labels and the stylesheet come with the script, not in the page: the ticket page renders
  // on every open, and each translated attribute there cost the server time (perfpage's budget).
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var L = function (zhText, enText) { return zh ? zhText : enText; };
  var LABELS = {
    filter: L("筛选快捷回复", "Filter canned replies"),
    none: L("没有匹配的快捷回复。", "No canned reply matches."),
    empty: L("还没有快捷回复。", "No canned replies yet."),
    error: L("快捷回复加载失败。", "Canned replies could not be loaded.")
  };
  if (document.currentScript) {
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = document.currentScript.src.replace(/\.js(\?.*)?$/, ".css$1");
    document.head.appendChild(sheet);
  }
  var FILTER_FROM = 7; // a short list needs no filter box
  var panel, filter, list, status, rows = null, loading = false;
  // Where the agent's cursor was in the textarea: clicking the picker takes the focus away from it.
  var caret = null;

  function remember() { caret = target.selectionEnd; }
  target.addEventListener("blur", remember);
  target.addEventListener("keyup", remember);
  target.addEventListener("click", remember);

  function build() {
    panel = document.createElement("div");
    panel.id = "canned-panel";
    panel.className = "canned-panel card";
    panel.hidden = true;
    filter = document.createElement("input");
    filter.type = "search";
    filter.className = "canned-filter";
    filter.placeholder = LABELS.filter;
    filter.setAttribute("aria-label", LABELS.filter);
    filter.setAttribute("aria-controls", "canned-list");
    filter.autocomplete = "off";
    filter.hidden = true;
    list = document.createElement("ul");
    list.id = "canned-list";
    list.className = "canned-list";
    list.setAttribute("aria-label", button.textContent.replace(/[…\s]+$/, ""));
    status = document.createElement("p");
    status.className = "canned-status";
    status.setAttribute("role", "status");
    panel.append(filter, list, status);
    root.appendChild(panel);
    filter.addEventListener("input", render);
    panel.addEventListener("keydown", onKey);
    list.addEventListener("click", function (e) {
      var item = e.target.closest(".canned-item");
      if (item) choose(+item.dataset.index);
    });
  }

  function render() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    list.textContent = "";
    rows.forEach(function (row, index) {
      var hay = (row.label + " " + row.title + " " + row.shortcut + " " + row.body).toLowerCase();
      if (!words.every(function (w) { return hay.indexOf(w) !== -1; })) return;
      var li = document.createElement("li"), item = document.createElement("button");
      var title = document.createElement("span"), snippet = document.createElement("span");
      item.type = "button";
      item.className = "canned-item";
      item.dataset.index = index;
      item.title = "/" + row.shortcut;
      title.className = "canned-title";
      title.textContent = row.label;
      snippet.className = "canned-snippet";
      snippet.textContent = row.body.replace(/\s+/g, " ");
      item.append(title, snippet);
      li.appendChild(item);
      list.appendChild(li);
      shown += 1;
    });
    status.textContent = shown ? "" : rows.length ? LABELS.none : LABELS.empty;
  }

  function load() {
    if (rows || loading) return Promise.resolve();
    loading = true;
    var url = "/api/v1/chat/canned?ticket=" + encodeURIComponent(root.dataset.ticketId);
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { rows = data; filter.hidden = rows.length < FILTER_FROM; render(); })
      .catch(function () { status.textContent = LABELS.error; })
      .then(function () { loading = false; });
  }

  function items() { return Array.prototype.slice.call(list.querySelectorAll(".canned-item")); }

  function focusFirst() {
    if (!filter.hidden) filter.focus();
    else if (items().length) items()[0].focus();
  }

  function open() {
    if (!panel) build();
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    load().then(function () { if (!panel.hidden) focusFirst(); });
  }

  function close(refocus) {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (refocus) button.focus();
  }

  function onKey(e) {
    var all = items(), at = all.indexOf(document.activeElement);
    if (e.key === "Escape") { e.preventDefault(); close(true); }
    else if (e.key === "ArrowDown" && all.length) { e.preventDefault(); all[Math.min(at + 1, all.length - 1)].focus(); }
    else if (e.key === "ArrowUp" && all.length) {
      e.preventDefault();
      if (at > 0) all[at - 1].focus(); else if (!filter.hidden) filter.focus();
    }
    else if (e.key === "Enter" && e.target === filter && all.length) { e.preventDefault(); all[0].click(); }
  }

  // A space between two Latin words; Chinese runs on without one, as does anything next to a space.
  var CLOSE = /[\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
  function spaced(before, after) { return before && after && !CLOSE.test(before) && !CLOSE.test(after); }

  // At the cursor, never over what the agent typed (a selection stays and the reply goes after it).
  function choose(index) {
    var text = rows[index].body, value = target.value;
    var at = caret === null ? value.length : Math.min(caret, value.length);
    if (spaced(value.charAt(at - 1), text.charAt(0))) text = " " + text;
    if (spaced(text.charAt(text.length - 1), value.charAt(at))) text += " ";
    close(false);
    target.focus();
    target.setSelectionRange(at, at);
    // insertText keeps the browser's undo history (Ctrl+Z takes the reply out again).
    if (!document.execCommand || !document.execCommand("insertText", false, text)) {
      target.setRangeText(text, at, at, "end");
      target.dispatchEvent(new Event("input", { bubbles: true }));
    }
    caret = target.selectionEnd;
    target.dispatchEvent(new Event("keyup", { bubbles: true })); // the Markdown preview follows (hx-trigger)
  }

  button.addEventListener("click", function () { if (panel && !panel.hidden) close(true); else open(); });
  button.addEventListener("keydown", function (e) { if (e.key === "ArrowDown") { e.preventDefault(); open(); } });
  document.addEventListener("click", function (e) { if (panel && !panel.hidden && !root.contains(e.target)) close(false); });
  root.addEventListener("focusout", function (e) { if (panel && !panel.hidden && e.relatedTarget && !root.contains(e.relatedTarget)) close(false); });
})();
