/* walletdesk agent console: live inbox (queue, badge, sound, presence) and the ticket's live chat
 * (customer typing, viewers / collision warning, replies, notes, canned replies, accept, transfer,
 * solve). One WebSocket to /ws/console/ per page; reconnects with backoff. */
(function () {
  "use strict";
  var root = document.getElementById("chat-live");
  if (!root) return;
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var L = function (zhText, enText) { return zh ? zhText : enText; };
  var $ = function (id) { return document.getElementById(id); };
  var mode = root.dataset.mode, me = +root.dataset.userId, ticketId = root.dataset.ticketId ? +root.dataset.ticketId : null;
  var ws = null, attempt = 0, opened = false, refreshTimer = null, queueIds = {}, conversation = null, typingTimer = null, lastTyping = 0, baseTitle = document.title;
  var ticketStatus = root.dataset.ticketStatus || "", refs = {}, refWaiters = {}, accepting = null;
  var wsUrl = root.dataset.ws.indexOf("ws") === 0 ? root.dataset.ws :
    (location.protocol === "https:" ? "wss://" : "ws://") + location.host + root.dataset.ws.replace(/^[^/]*\/\/[^/]*/, "");

  function send(obj) { if (ws && ws.readyState === 1) { ws.send(JSON.stringify(obj)); return true; } return false; }
  function uid() { var a = new Uint8Array(12); crypto.getRandomValues(a); return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join(""); }
  function fmt(sec) {
    if (sec === null || sec === undefined) return "?";
    return sec < 60 ? Math.round(sec) + L(" 秒", "s") : Math.round(sec / 60) + L(" 分钟", "m");
  }
  // Every time on the desk is the agent's own clock, in one format: messages rendered with the page
  // showed the server's zone and live ones the browser's, with nothing to tell them apart. The page
  // sends each time as <time datetime> (labelled with the server's zone until this runs).
  function clock(value) {
    var d = value instanceof Date ? value : new Date(value);
    if (isNaN(d.getTime())) return "";
    return d.toLocaleTimeString(zh ? "zh-CN" : "en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
  }
  function clockElement(value) {
    var el = document.createElement("time"); el.dateTime = new Date(value).toISOString(); el.dataset.clock = "";
    el.textContent = clock(value); el.title = new Date(value).toLocaleString(zh ? "zh-CN" : "en-GB"); return el;
  }
  function clocksLocalise(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll("time[data-clock]"), function (el) {
      var text = clock(el.getAttribute("datetime")); if (!text) return;
      el.textContent = text; el.title = new Date(el.getAttribute("datetime")).toLocaleString(zh ? "zh-CN" : "en-GB");
    });
  }
  function beep() {
    try { var ctx = new (window.AudioContext || window.webkitAudioContext)(), o = ctx.createOscillator(), g = ctx.createGain();
      o.frequency.value = 880; g.gain.value = 0.08; o.connect(g); g.connect(ctx.destination); o.start(); o.stop(ctx.currentTime + 0.18);
    } catch (e) { /* no audio */ }
  }
  // Agents speak of tickets by number (WD-10005), never by database id. Events that carry the number
  // teach it; for the rest it is asked once per ticket.
  function learnRef(ticketId, reference) { if (ticketId && reference) refs[ticketId] = reference; }
  function withRef(ticketId, use) {
    if (refs[ticketId]) { use(refs[ticketId]); return; }
    if (refWaiters[ticketId]) { refWaiters[ticketId].push(use); return; }
    refWaiters[ticketId] = [use];
    fetch("/api/v1/tickets/" + ticketId, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : {}; })
      .catch(function () { return {}; })
      .then(function (j) {
        learnRef(ticketId, j.reference);
        var waiting = refWaiters[ticketId] || []; delete refWaiters[ticketId];
        if (refs[ticketId]) waiting.forEach(function (f) { f(refs[ticketId]); });
      });
  }
  function ticketLink(ticketId, reference) {
    var a = document.createElement("a"); a.href = "/console/tickets/" + ticketId + "/"; a.textContent = reference || refs[ticketId] || "…";
    if (!reference && !refs[ticketId]) withRef(ticketId, function (ref) { a.textContent = ref; });
    return a;
  }
  function showError(text) { var e = $("chat-live-error"); if (!e) return; e.textContent = text; e.hidden = false; setTimeout(function () { e.hidden = true; }, 6000); }

  function connect() {
    ws = new WebSocket(wsUrl);
    ws.onopen = function () {
      attempt = 0; $("chat-live-conn").textContent = ""; if (ticketId) send({ type: "watch", ticket_id: ticketId });
      if (opened) ticketRefreshSoon(); // what changed while the socket was down came as no event
      opened = true;
    };
    ws.onmessage = function (e) {
      var d; try { d = JSON.parse(e.data); handle(d); } catch (err) { /* ignore bad frame */ }
      // The inbox's rows listen here (tickets/inbox-live.js) instead of opening a second socket.
      if (d) document.dispatchEvent(new CustomEvent("wd:console-event", { detail: d }));
    };
    ws.onclose = function (e) {
      $("chat-live-conn").textContent = e.code === 4403 ? L("未登录或未通过两步验证", "not signed in or 2FA not passed") : L("重连中…", "reconnecting…");
      if (e.code === 4403) return;
      setTimeout(connect, Math.min(30000, 500 * Math.pow(2, attempt++)));
    };
  }
  setInterval(function () { send({ type: "heartbeat" }); }, 30000);

  // --- inbox -----------------------------------------------------------------------------------
  function renderQueue(queue, agentsOnline) {
    var body = $("chat-live-queue"); if (!body) return;
    body.textContent = "";
    var fresh = false, now = Date.now();
    queue.forEach(function (q) {
      if (!queueIds[q.conversation_id]) fresh = true;
      var tr = document.createElement("tr"), waited = (now - new Date(q.queued_at).getTime()) / 1000;
      learnRef(q.ticket_id, q.reference);
      [q.position, ticketLink(q.ticket_id, q.reference), fmt(waited), fmt(q.wait_seconds)].forEach(function (v) {
        var td = document.createElement("td"); if (typeof v === "object") td.appendChild(v); else td.textContent = v; tr.appendChild(td);
      });
      var td = document.createElement("td"), b = document.createElement("button"); b.type = "button"; b.textContent = L("接入", "Accept");
      b.dataset.conversation = q.conversation_id;
      b.addEventListener("click", function () { accepting = q.conversation_id; send({ type: "accept", conversation_id: q.conversation_id }); });
      td.appendChild(b); tr.appendChild(td); body.appendChild(tr);
    });
    if (!queue.length) {  // an empty table under its headings reads as "still loading"
      var empty = document.createElement("tr"), cell = document.createElement("td");
      cell.colSpan = 5; cell.className = "muted"; cell.textContent = L("没有客户在排队。", "No one is waiting.");
      empty.appendChild(cell); body.appendChild(empty);
    }
    var known = {}; queue.forEach(function (q) { known[q.conversation_id] = true; });
    if (fresh && Object.keys(queueIds).length <= queue.length) beep();
    queueIds = known;
    var badge = $("chat-live-badge");
    if (badge) { badge.textContent = L("等待中 ", "waiting ") + queue.length; badge.hidden = !queue.length; }
    document.title = (queue.length ? "(" + queue.length + ") " : "") + baseTitle;
    if ($("chat-live-summary") && agentsOnline !== undefined) $("chat-live-summary").textContent = L("在线客服：", "Agents online: ") + agentsOnline;
  }
  function feed(text, ticketId, reference) {
    var list = $("chat-live-feed"); if (!list) return;
    var li = document.createElement("li"); li.appendChild(clockElement(new Date())); li.appendChild(document.createTextNode(" " + text));
    if (ticketId) { li.appendChild(document.createTextNode(" ")); li.appendChild(ticketLink(ticketId, reference)); }
    list.insertBefore(li, list.firstChild); while (list.children.length > 30) list.removeChild(list.lastChild);
  }

  // --- ticket ---------------------------------------------------------------------------------
  function addMessage(m) {
    var list = $("chat-live-messages"); if (!list || m.ticket_id !== ticketId || list.querySelector('[data-id="' + m.id + '"]')) return;
    var li = document.createElement("li"); li.dataset.id = m.id; li.className = m.author_kind + (m.is_internal ? " internal" : "");
    var meta = document.createElement("div"); meta.className = "meta";
    meta.textContent = (m.author_kind === "customer" ? L("客户", "Customer") : m.author_name || L("系统", "System")) + (m.is_internal ? " · " + L("内部备注", "internal note") : "") + " · ";
    meta.appendChild(clockElement(m.created_at));
    var body = document.createElement("div"); body.innerHTML = m.body_html; // sanitized server-side (markdown-it + nh3)
    li.appendChild(meta); li.appendChild(body); list.appendChild(li); list.scrollTop = list.scrollHeight;
    if (m.author_kind === "customer") { $("chat-live-typing").hidden = true; send({ type: "read", ticket_id: ticketId, upto: m.id }); }
  }
  // Every ticket page (web, email, API tickets too, not only chats) shows what arrives while it is
  // open: the agent must not answer without seeing the customer's newest message.
  var DELIVERY_LABELS = { pending: L("排队中", "Queued"), sent: L("已送达", "Delivered"), failed: L("失败", "Failed") };
  function addToConversation(m) {
    var conv = $("conversation");
    if (!conv || m.ticket_id !== ticketId || $("m" + m.id)) return;
    var art = document.createElement("article");
    art.id = "m" + m.id; art.dataset.messageId = m.id; art.dataset.live = "1";
    art.className = "card message " + m.author_kind + (m.is_internal ? " internal" : "");
    if (m.is_internal) art.style.background = "#fffbea"; else if (m.author_kind === "agent") art.style.background = "#f1f7ff";
    var head = document.createElement("header"); head.className = "small muted";
    head.textContent = (m.author_kind === "customer" ? L("客户", "Customer") : m.author_name || L("系统", "System")) + " · ";
    head.appendChild(pageTime(m.created_at));
    if (m.is_internal) { var n = document.createElement("span"); n.className = "chip warn"; n.textContent = L("内部备注", "internal note"); head.appendChild(document.createTextNode(" ")); head.appendChild(n); }
    if (DELIVERY_LABELS[m.delivery_status]) {
      var d = document.createElement("span"); d.className = "chip delivery" + (m.delivery_status === "sent" ? " ok" : ""); d.dataset.delivery = m.id; d.textContent = DELIVERY_LABELS[m.delivery_status];
      head.appendChild(document.createTextNode(" ")); head.appendChild(d);
    }
    var body = document.createElement("div"); body.className = "body"; body.innerHTML = m.body_html; // sanitized server-side (markdown-it + nh3)
    art.appendChild(head); art.appendChild(body);
    (m.attachments || []).forEach(function (a) {
      var p = document.createElement("p"); p.className = "small"; var link = document.createElement("a");
      link.href = "/attachments/" + a.id + "/"; link.rel = "noopener"; link.textContent = a.filename;
      p.appendChild(document.createTextNode("📎 ")); p.appendChild(link); art.appendChild(p);
    });
    conv.appendChild(art);
    if (m.author_kind === "agent" && !m.is_internal && m.author_user_id && m.author_user_id !== me) colleagueReplied(m);
    if (m.author_kind !== "customer") timelineAdd(m);
    if (m.author_kind === "customer") {
      var note = $("live-new-message");
      if (!note) { note = document.createElement("p"); note.id = "live-new-message"; note.className = "notice"; note.setAttribute("role", "status"); conv.parentNode.insertBefore(note, conv.nextSibling); }
      var link2 = document.createElement("a"); link2.href = "#m" + m.id; link2.textContent = L("客户刚刚发来新消息", "The customer just wrote a new message");
      note.textContent = ""; note.appendChild(link2);
    }
  }
  // The history's own rule (core/localtime.js): the agent's clock with date and zone, as the messages
  // the page came with. A live one showed the bare browser time beside the page's dated ones.
  function pageTime(value) {
    var el = document.createElement("time"), when = new Date(value);
    el.dateTime = isNaN(when.getTime()) ? "" : when.toISOString().replace(/\.\d{3}Z$/, "Z");
    el.setAttribute("data-local", "seconds"); el.textContent = el.dateTime;
    if (window.walletdeskLocalTime) window.walletdeskLocalTime(el);
    return el;
  }
  // Agent collision (two agents on one ticket): a colleague's answer must not go unseen by the one
  // still writing. The server refuses a reply written before it (views._unseen_replies_check); this
  // says so at once, in the reply form.
  function colleagueReplied(m) {
    var warn = $("reply-collision"), box = $("reply-body"); if (!warn) return;
    var name = m.author_name || L("同事", "A colleague"), link = document.createElement("a");
    link.href = "#m" + m.id;
    link.textContent = box && box.value.trim()
      ? L("你在撰写回复时，" + name + " 发送了新回复：发送前请先查看。", "A new reply from " + name + " was sent while you were writing — review it before sending yours.")
      : L(name + " 刚刚回复了客户。", name + " just replied to the customer.");
    warn.textContent = ""; warn.appendChild(link); warn.hidden = false;
  }
  function colleagueTyping(d) {
    var t = $("reply-typing"); if (!t) return;
    t.textContent = (d.name || L("同事", "A colleague")) + L(" 正在输入回复…", " is writing a reply…");
    t.hidden = !d.state; clearTimeout(t.timer); t.timer = setTimeout(function () { t.hidden = true; }, 6000);
  }
  // Assignee, status, priority, category, team, tags and the timeline as the server now has them,
  // when someone else changed the ticket: the page reads itself again and takes those parts. A side
  // form the agent has begun to edit is kept (and flagged) rather than overwritten.
  // A reply's or a note's line, as timeline.event_rows writes it, from the message itself: a live
  // chat sends many, and reading the whole page again for each would cost the server a page render
  // per message per viewer. The page is read again only when the reply changed what it shows.
  function timelineAdd(m) {
    var list = $("timeline"); if (!list || list.querySelector('a[href="#m' + m.id + '"]')) return;
    var li = document.createElement("li"), when = document.createElement("time"), link = document.createElement("a");
    li.dataset.kind = m.is_internal ? "note" : "reply";
    when.dateTime = new Date(m.created_at).toISOString().replace(/\.\d{3}Z$/, "Z"); when.setAttribute("data-local", "short"); when.textContent = when.dateTime;
    link.href = "#m" + m.id; link.textContent = m.is_internal ? L("内部备注", "internal note") : L("公开回复", "public reply");
    li.appendChild(when); li.appendChild(document.createTextNode(" · ")); li.appendChild(link);
    if (m.author_name) li.appendChild(document.createTextNode(" · " + m.author_name));
    list.appendChild(li);
    if (window.walletdeskLocalTime) window.walletdeskLocalTime(when);
  }
  function shownValue(id) {
    var el = $(id); if (!el) return null;
    var initial = Array.prototype.filter.call(el.options, function (o) { return o.defaultSelected; })[0] || el.options[0];
    return initial ? initial.value : "";
  }
  function ticketChanged(t, change) {
    if (change === "reply" || change === "note") {
      var same = shownValue("status") === t.status && shownValue("priority") === t.priority &&
        shownValue("assignee") === (t.assignee_id ? String(t.assignee_id) : "");
      if (same) return;
    }
    ticketRefreshSoon();
  }
  function ticketRefreshSoon() {
    if (mode !== "ticket" || !$("timeline")) return;
    clearTimeout(refreshTimer); refreshTimer = setTimeout(ticketRefresh, 300);
  }
  function fieldEdited(el) {
    if (el.tagName === "SELECT") {  // with no option marked selected the browser shows the first
      var initial = Array.prototype.filter.call(el.options, function (o) { return o.defaultSelected; })[0] || el.options[0];
      return !!initial && el.value !== initial.value;
    }
    return el.tagName === "INPUT" && el.type === "text" && el.value !== el.defaultValue;
  }
  function formEdited(form) { return Array.prototype.some.call(form.elements, fieldEdited); }
  // A side form the agent has begun to edit: the fields it has not touched take the new values,
  // the ones it has are kept (and the form says a colleague changed the ticket meanwhile).
  function formMerge(form, fresh) {
    Array.prototype.forEach.call(fresh.querySelectorAll("select[name], input[type=text][name]"), function (next) {
      var field = form.querySelector('[name="' + next.name + '"]');
      if (field && !fieldEdited(field)) field.parentNode.replaceChild(document.importNode(next, true), field);
    });
    var note = form.querySelector(".live-stale");
    if (!note) { note = document.createElement("p"); note.className = "notice small live-stale"; note.setAttribute("role", "status"); form.insertBefore(note, form.firstChild); }
    note.textContent = L("同事刚修改了此工单；你未保存的修改仍保留，保存前请核对。", "A colleague just changed this ticket; your unsaved changes are kept — check them before saving.");
  }
  function ticketRefresh() {
    fetch(location.pathname, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.text() : ""; }).catch(function () { return ""; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ["ticket-meta", "timeline", "assign-form", "fields-form"].forEach(function (id) {
          var now = $(id), next = fresh.getElementById(id); if (!now || !next) return;
          if (now.tagName === "FORM" && formEdited(now)) { formMerge(now, next); return; }
          now.parentNode.replaceChild(document.importNode(next, true), now);
        });
      });
  }
  function deliveryChanged(d) {
    var chip = document.querySelector('[data-delivery="' + d.message_id + '"]');
    if (!chip || !DELIVERY_LABELS[d.delivery_status]) return;
    chip.textContent = DELIVERY_LABELS[d.delivery_status];
    chip.className = "chip delivery" + (d.delivery_status === "sent" ? " ok" : d.delivery_status === "failed" ? " bad" : "");
    chip.title = d.error || "";
  }
  // The chip showed the raw status ("active") to agents reading the console in Chinese; the labels
  // are ConversationStatus's own.
  var STATUS_LABELS = {
    queued: L("排队中", "Waiting in queue"), active: L("客服接待中", "With an agent"),
    ended: L("已结束", "Ended"), offline: L("已转为工单（离线留言）", "Left as a ticket (offline)")
  };
  // The live feed's line per chat change (chat.events.conversation_changed): it said "queued WD-10005".
  var CHANGE_LABELS = {
    queued: L("进入排队", "Queued"), accepted: L("已接入", "Accepted"), transferred: L("已转接", "Transferred"),
    ended: L("已结束", "Ended"), abandoned: L("客户已离开，转为工单", "Customer left; now a ticket")
  };
  function renderState() {
    var chip = $("chat-live-state"); if (!chip) return;
    chip.textContent = conversation
      ? (STATUS_LABELS[conversation.status] || conversation.status) + (conversation.agent_name ? " · " + conversation.agent_name : "")
      : L("无在线会话", "no live chat");
    // A solved or closed ticket has no chat to accept, even if its queue entry has not caught up yet.
    var ticketOpen = ["solved", "closed"].indexOf(ticketStatus) < 0;
    $("chat-live-accept").hidden = !(conversation && conversation.status === "queued" && ticketOpen);
    var live = !!(conversation && ["queued", "active"].indexOf(conversation.status) >= 0 && ticketOpen);
    root.classList.toggle("chat-live-on", live);
    // One composer while the chat is live: this box (typing shown both ways, read receipts, Enter
    // sends over the socket at once). The ticket's Markdown form, a page post, comes back when the
    // chat ends, for the email-style reply it then is.
    var ticketForm = mode === "ticket" && $("reply-form");
    if (ticketForm) { ticketForm.hidden = live; ticketForm.style.display = live ? "none" : ""; }
    $("chat-live-explain").textContent = live
      ? L("客户正在聊天窗口中：在这里输入的回复会立即显示给客户。", "The customer is in the chat window: replies typed here appear there at once.")
      : L("在线会话已结束：这里的回复会在客户回来时显示，也可用下方的工单回复。", "The live chat has ended: replies here show when the customer comes back; the ticket reply form works too.");
  }
  function renderViewers(viewers) {
    var others = viewers.filter(function (v) { return v.user_id !== me; });
    $("chat-live-viewers").textContent = L("正在查看：", "Viewing: ") + viewers.map(function (v) { return v.name; }).join(", ");
    var c = $("chat-live-collision");
    c.hidden = !others.length;
    c.textContent = L("注意：", "Heads up: ") + others.map(function (v) { return v.name; }).join(", ") + L(" 也在查看此工单，回复前请协调。", " also has this ticket open — coordinate before replying.");
  }
  // Titles are written "中文 / English": the agent reads the half in the console's language.
  // With the ticket: titles in the console's language, bodies in the ticket's with the placeholders
  // ({customer_name}, {ticket_number}, {agent_name}) filled in by the server (chat.canned).
  function loadCanned() {
    var url = "/api/v1/chat/canned" + (ticketId ? "?ticket=" + ticketId : "");
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : []; }).then(function (rows) {
      var sel = $("chat-live-canned");
      rows.forEach(function (c) { var o = document.createElement("option"); o.value = ticketId ? c.body : root.dataset.locale === "en" ? c.body_en : c.body_zh; o.textContent = c.label; o.title = "/" + c.shortcut; sel.appendChild(o); });
    });
    fetch("/api/v1/chat/agents", { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : []; }).then(function (rows) {
      var sel = $("chat-live-transfer-agent");
      rows.forEach(function (a) { if (a.user_id === me) return; var o = document.createElement("option"); o.value = a.user_id; o.textContent = a.name + " (" + a.active + "/" + a.capacity + ")"; sel.appendChild(o); });
    });
  }

  function handle(d) {
    if (d.type === "hello") {
      if ($("chat-live-presence")) $("chat-live-presence").value = d.presence;
      renderQueue(d.queue || [], d.agents_online);
    } else if (d.type === "chat.queue" && d.queue) {
      renderQueue(d.queue, d.agents_online);
    } else if (d.type === "presence") {
      if ($("chat-live-presence")) $("chat-live-presence").value = d.state;
    } else if (d.type === "watching") {
      conversation = d.conversation; renderState(); renderViewers(d.viewers || []);
      if (root.classList.contains("chat-live-on") && !root.dataset.shown) { root.dataset.shown = "1"; root.scrollIntoView({ block: "nearest" }); }
      if (!$("chat-live-intake")) return; // a ticket with no live chat shows only who is viewing
      var labels = (d.labels || {})[L("zh-hans", "en")] || { category: d.category, intake: Object.keys(d.intake || {}).map(function (k) { return [k, d.intake[k]]; }) };
      var parts = (labels.intake || []).map(function (row) { return row[0] + L("：", ": ") + row[1]; });
      if (labels.category) parts.unshift(L("类别：", "Category: ") + labels.category);
      $("chat-live-intake").textContent = parts.join(" · ");
    } else if (d.type === "chat.viewers" && d.ticket_id === ticketId) {
      renderViewers(d.viewers);
    } else if (d.type === "chat.state") {
      if (ticketId && d.conversation.ticket_id === ticketId) { conversation = d.conversation; renderState(); }
      feed(CHANGE_LABELS[d.change] || d.change, d.conversation.ticket_id, d.conversation.reference);
    } else if (d.type === "chat.typing" && d.ticket_id === ticketId && d.side === "agent" && $("reply-typing") && !$("reply-form").hidden) {
      colleagueTyping(d);
    } else if (d.type === "chat.typing" && d.ticket_id === ticketId && $("chat-live-typing")) {
      var t = $("chat-live-typing");
      t.textContent = d.side === "customer" ? L("客户正在输入：", "Customer is typing: ") + (d.preview || "…") : (d.name || "") + L(" 正在输入回复…", " is writing a reply…");
      t.hidden = !d.state; clearTimeout(typingTimer); typingTimer = setTimeout(function () { t.hidden = true; }, 6000);
    } else if (d.type === "message.added") {
      addMessage(d.message); addToConversation(d.message);
    } else if (d.type === "message.delivery") {
      deliveryChanged(d);
    } else if (d.type === "ticket.changed" && mode === "inbox" && d.change === "created" && d.ticket.channel === "widget") {
      learnRef(d.ticket.id, d.ticket.reference);
      feed(L("新会话 ", "New chat ") + d.ticket.subject, d.ticket.id, d.ticket.reference); beep();
    } else if (d.type === "ticket.changed" && d.ticket) {
      learnRef(d.ticket.id, d.ticket.reference);
      if (d.ticket.id === ticketId) { ticketStatus = d.ticket.status; renderState(); ticketChanged(d.ticket, d.change); }
    } else if (d.type === "accepted" && mode === "inbox") {
      feed(L("已接入", "Accepted"), d.conversation.ticket_id, d.conversation.reference);
      // The agent who clicked Accept goes to work on the ticket.
      if (accepting === d.conversation.id) location.assign("/console/tickets/" + d.conversation.ticket_id + "/");
    } else if (d.type === "error") {
      accepting = null; showError(d.message); feed(d.message);
    }
  }

  function placeNearConversation() {
    // On the full ticket page the panel is included after the page's grid, under the side panels
    // and the timeline. The live chat continues the history, so it goes right below it, above the
    // ticket's own (email-style) reply form.
    var history = document.getElementById("conversation");
    if (history && !history.parentNode.contains(root)) history.parentNode.insertBefore(root, history.nextSibling);
  }

  // --- wiring -----------------------------------------------------------------------------------
  if ($("chat-live-presence")) $("chat-live-presence").addEventListener("change", function (e) { send({ type: "presence", state: e.target.value }); });
  if (mode === "ticket") placeNearConversation();
  // The conversation once: on the ticket page its history (addToConversation keeps it current) is
  // the chat; the panel's own list is for pages without one.
  if (mode === "ticket" && $("conversation") && $("chat-live-messages")) $("chat-live-messages").hidden = true;
  // The ticket's own reply form tells colleagues on the page that someone is writing (never the
  // customer: it is an email-style reply, sent whole).
  if (mode === "ticket" && $("reply-body")) $("reply-body").addEventListener("input", function () {
    var now = Date.now(); if (now - lastTyping < 1500) return; lastTyping = now;
    send({ type: "typing", ticket_id: ticketId, state: !!$("reply-body").value, internal: true });
  });
  if (mode === "ticket" && $("chat-live-reply")) {
    var body = $("chat-live-body"), composing = false, internal = $("chat-live-internal");
    var renderMode = function () {
      // Which box talks to the customer must be obvious: a note looks and reads differently.
      var note = internal.checked;
      root.classList.toggle("chat-live-noting", note);
      body.placeholder = note ? body.dataset.placeholderNote : body.dataset.placeholderReply;
      $("chat-live-send").textContent = note ? $("chat-live-send").dataset.labelNote : $("chat-live-send").dataset.labelReply;
    };
    internal.addEventListener("change", renderMode); renderMode(); // a reload may restore the tick
    var submit = function () {
      var text = body.value.trim(); if (!text) return;
      if (send({ type: "reply", ticket_id: ticketId, body: text, internal: internal.checked, client_id: uid() })) {
        body.value = ""; send({ type: "typing", ticket_id: ticketId, state: false });
        // A note is one message: the next one goes to the customer unless the agent ticks again.
        internal.checked = false; renderMode();
      } else { showError(L("连接断开，消息未发送", "Not connected: message not sent")); }
    };
    $("chat-live-reply").addEventListener("submit", function (e) { e.preventDefault(); submit(); });
    body.addEventListener("compositionstart", function () { composing = true; });
    body.addEventListener("compositionend", function () { composing = false; });
    body.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing && !composing && e.keyCode !== 229) { e.preventDefault(); submit(); }
    });
    body.addEventListener("input", function () {
      var now = Date.now(); if (now - lastTyping < 1500) return; lastTyping = now;
      send({ type: "typing", ticket_id: ticketId, state: !!body.value, internal: $("chat-live-internal").checked });
    });
    $("chat-live-canned").addEventListener("change", function (e) { if (e.target.value) { body.value += (body.value ? "\n" : "") + e.target.value; e.target.value = ""; body.focus(); } });
    $("chat-live-accept").addEventListener("click", function () { if (conversation) send({ type: "accept", conversation_id: conversation.id }); });
    $("chat-live-solve").addEventListener("click", function () { send({ type: "solve", ticket_id: ticketId }); });
    $("chat-live-transfer").addEventListener("click", function () {
      var agent = $("chat-live-transfer-agent").value, team = $("chat-live-transfer-team").value.trim();
      if (agent) send({ type: "transfer", ticket_id: ticketId, agent_id: +agent });
      else if (team) send({ type: "transfer", ticket_id: ticketId, team: team });
    });
    loadCanned();
  }
  clocksLocalise(root);
  connect();
})();
