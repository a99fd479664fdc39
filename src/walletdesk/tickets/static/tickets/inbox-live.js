/* walletdesk agent inbox: the rows follow ticket changes without a reload.
 * Events come from the console socket (/ws/console/: the inbox group and the agent's own group):
 * through chat/console-live.js when the live-chat card is on the page, else from a socket of our own
 * (reconnecting with backoff). A change that may touch the current view marks the rows stale; they
 * are fetched again as the htmx partial of the page's own address (view, filters, search, cursor),
 * at most once per REFRESH_MS, never while the agent is typing a search. Rows that appeared are
 * highlighted, and "N new" says how many. */
(function () {
  "use strict";
  var script = document.getElementById("inbox-live-script"), rows = document.getElementById("inbox-rows");
  if (!script || !rows) return;
  // The views' counts are cached up to two 5 s TTLs (selectors.inbox_counts): one more quiet refresh
  // after a burst brings them up to date without every event having to reach the cache.
  var REFRESH_MS = 2000, TYPING_MS = 3000, COUNTS_SETTLE_MS = 11000, settle = null;
  var me = null, stale = false, timer = null, lastRefresh = 0, lastTyped = 0, live = false, known = null, helloSeen = false;
  var search = document.getElementById("q"), note = document.getElementById("inbox-live-note");
  var params = function () { return new URLSearchParams(location.search); };

  function shownIds() {
    var ids = {};
    rows.querySelectorAll("tr[data-ticket-id]").forEach(function (tr) { ids[tr.dataset.ticketId] = true; });
    return ids;
  }
  // Whether a changed ticket may enter, leave or change the rows shown. The server decides what the
  // view holds; this only skips refreshes that cannot change anything.
  function concerns(d) {
    var t = d.ticket; if (!t) return false;
    if (shownIds()[t.id]) return true;
    var p = params();
    if (p.get("cursor")) return false; // an older page: new activity goes to the first one
    if (p.get("q")) return d.change === "created";
    if (p.get("category") && t.category !== p.get("category")) return false;
    if (p.get("status") && t.status !== p.get("status")) return false;
    var view = p.get("view") || "open";
    if (view === "mine") return me !== null && t.assignee_id === me;
    if (view === "unassigned") return t.assignee_id === null;
    return true;
  }
  function schedule() {
    stale = true;
    if (timer) return;
    timer = setTimeout(run, Math.max(250, lastRefresh + REFRESH_MS - Date.now()));
  }
  function run(settling) {
    timer = null;
    if (!stale) return;
    var typing = search && document.activeElement === search && Date.now() - lastTyped < TYPING_MS;
    if (typing || !window.htmx) { timer = setTimeout(run, 1000); return; }
    stale = false; lastRefresh = Date.now(); known = shownIds(); live = true;
    clearTimeout(settle);
    if (settling !== true) settle = setTimeout(function () { stale = true; if (!timer) run(true); }, COUNTS_SETTLE_MS);
    window.htmx.ajax("GET", location.pathname + location.search, { target: rows, swap: "innerHTML" });
  }
  rows.addEventListener("htmx:afterSwap", function (e) {
    if (e.target !== rows) return;
    var fresh = 0;
    if (live && known) {
      rows.querySelectorAll("tr[data-ticket-id]").forEach(function (tr) {
        if (!known[tr.dataset.ticketId]) { tr.classList.add("inbox-new"); fresh++; }
      });
    }
    live = false; known = null;
    if (note && fresh) {
      note.textContent = (script.dataset.newLabel || "{n} new").replace("{n}", fresh);
      note.hidden = false;
      clearTimeout(note._hide); note._hide = setTimeout(function () { note.hidden = true; }, 15000);
    }
  });
  if (search) search.addEventListener("input", function () { lastTyped = Date.now(); });
  // "in 35 min" ages even when nothing happens: a quiet page with deadlines on it is redrawn now and then.
  setInterval(function () {
    if (document.visibilityState === "visible" && rows.querySelector("td.inbox-due time")) schedule();
  }, 120000);

  function onEvent(d) {
    if (!d || !d.type) return;
    if (d.type === "hello") {
      me = d.user_id;
      rows.dataset.live = "on"; // subscribed (tests wait for it)
      if (helloSeen) schedule(); // a reconnect: whatever changed meanwhile was missed
      helloSeen = true;
    } else if (d.type === "ticket.changed" && concerns(d)) {
      schedule();
    }
  }

  if (document.getElementById("chat-live")) {
    document.addEventListener("wd:console-event", function (e) { onEvent(e.detail); });
    return;
  }
  var attempt = 0, path = script.dataset.ws || "/ws/console/", ws = null;
  function connect() {
    ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + path);
    ws.onopen = function () { attempt = 0; };
    ws.onmessage = function (e) { try { onEvent(JSON.parse(e.data)); } catch (err) { /* ignore bad frame */ } };
    ws.onclose = function (e) {
      if (e.code === 4403) return; // signed out or 2FA not passed: the next page load says so
      setTimeout(connect, Math.min(30000, 500 * Math.pow(2, attempt++)) * (0.75 + Math.random() / 2));
    };
  }
  // The console's heartbeat: keeps an online agent counted as online, and idle proxies from closing the socket.
  setInterval(function () { if (ws && ws.readyState === 1) ws.send(JSON.stringify({ type: "heartbeat" })); }, 30000);
  connect();
})();
