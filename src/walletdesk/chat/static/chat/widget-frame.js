/* walletdesk live chat — the iframe. Talks to the server over /ws/chat/ and to the host page's
 * widget.js over postMessage (only with the allowed host origins).
 *
 * Reliability: every message gets a client id and sits in a localStorage outbox until the server
 * acknowledges it; after a dropped connection we reconnect with backoff and resend the outbox in
 * order, and the server deduplicates by client id. Drafts survive a reload too.
 */
(function () {
  "use strict";
  var T = {
    "zh-hans": {
      title: "在线咨询", safety: "客服绝不会索要您的助记词、私钥或密码。", verify: "官方渠道 / 验证",
      pick: "您要咨询什么？", prepare: "请准备：", first: "请描述您的问题", start: "开始咨询",
      send: "发送", attach: "添加图片或 PDF", close: "关闭聊天窗口", language: "语言", emoji: "表情", conversation: "会话",
      star: "{n} 星", star1: "1 星", placeholder: "输入消息，Enter 发送，Shift+Enter 换行", queue: "您前面还有 {n} 位，预计等待 {w}",
      queueNext: "下一位就是您，预计等待 {w}", queueUnknown: "您前面还有 {n} 位", minutes: "{m} 分钟", lessMinute: "不到 1 分钟",
      agentJoined: "{name}（客服工号 {code}）已接入", typing: "客服正在输入…", read: "已读", sending: "发送中…",
      failed: "未发送：", offlineHours: "现在不在服务时间。我们将于 {t} 回来。", offlineNobody: "现在没有在线客服。",
      offlineLeave: "请留下邮箱和问题，我们会通过邮件回复您。", email: "邮箱（用于接收回复）", message: "问题描述",
      leave: "提交留言", offlineDone: "已收到（工单 {ref}），我们会回复到 {email}。", rateQ: "问题已解决。请为本次服务评分：",
      rateComment: "其他意见（可选）", rateSend: "提交评价", rated: "感谢您的评价！", transcript: "下载聊天记录",
      transcriptEmail: "发送到邮箱", transcriptPrompt: "发送聊天记录到邮箱：", transcriptSent: "聊天记录已发送到 {email}",
      record: "请保存聊天记录，作为客服答复的凭证。", suggest: "这些帮助文章也许能解答：", reconnecting: "连接已断开，正在重连…",
      tooBig: "文件太大（最多 10 MB）", ended: "本次咨询已结束。", newChat: "发起新的咨询", refused: "身份验证失败，请重新登录钱包后再试。",
      fieldRequired: "请填写此项", fieldInvalid: "请检查此项", bodyMissing: "请描述您的问题",
      startRefused: "咨询未开始，请检查标出的内容后重试。", rateNeedStars: "请先选择星级", unknownError: "出错了，请稍后再试。",
      urgentHead: "账户或资产被盗？请立即这样做：", urgentFreeze: "立即冻结我的账户",
      urgentFreezeNote: "冻结后，任何人（包括盗用者）都无法提现或交易，直到您联系客服解冻。",
      urgentReport: "无法登录钱包？无需登录即可报告被盗，我们会冻结账户",
      urgentCall: "拨打或联系下方的官方渠道，说明账户被盗：我们可以在沟通时为您冻结账户。",
      urgentPasswords: "修改与钱包绑定的邮箱和手机账户的密码，并在那里退出所有其他设备。",
      urgentSeed: "如果您仍持有助记词，请在一台干净的设备上新建钱包，把剩余资产转过去。",
      urgentRevoke: "撤销您不认识的代币授权（例如在钱包自带的授权管理页面）。",
      urgentContacts: "官方渠道：", urgentHelp: "账户被盗怎么办",
      urgentNever: "我们绝不会索要您的密码、助记词或私钥，也绝不会让您把资金转到我们给出的地址。"
    },
    en: {
      title: "Chat with support", safety: "Support never asks for your seed phrase, private key or password.",
      verify: "Official contacts / Verify", pick: "What do you need help with?", prepare: "Please have ready:",
      first: "Describe your problem", start: "Start chat", send: "Send", attach: "Attach an image or PDF",
      close: "Close the chat", language: "Language", emoji: "Emoji", conversation: "Conversation", star: "{n} stars", star1: "1 star",
      placeholder: "Type a message, Enter to send, Shift+Enter for a new line", queue: "{n} ahead of you, estimated wait {w}",
      queueNext: "You are next, estimated wait {w}", queueUnknown: "{n} ahead of you", minutes: "{m} min", lessMinute: "under a minute",
      agentJoined: "{name} (agent ID {code}) joined the chat", typing: "Support is typing…", read: "Read", sending: "Sending…",
      failed: "Not sent: ", offlineHours: "We are closed now. We will be back {t}.", offlineNobody: "No agent is online right now.",
      offlineLeave: "Leave your email and question; we will answer by email.", email: "Email (for the reply)",
      message: "Your question", leave: "Send message", offlineDone: "Received (ticket {ref}); we will reply to {email}.",
      rateQ: "Your issue is solved. How did we do?", rateComment: "Anything else? (optional)", rateSend: "Send rating",
      rated: "Thank you for your rating!", transcript: "Download transcript", transcriptEmail: "Email transcript",
      transcriptPrompt: "Email the transcript to:", transcriptSent: "Transcript sent to {email}",
      record: "Keep a record of this chat: it is your proof of what support told you.",
      suggest: "These help articles may answer it:", reconnecting: "Connection lost, reconnecting…",
      tooBig: "File too large (10 MB at most)", ended: "This chat has ended.", newChat: "Start a new chat",
      refused: "We could not verify your identity. Sign in to the wallet again and retry.",
      fieldRequired: "This field is required", fieldInvalid: "Check this field", bodyMissing: "Please describe your problem",
      startRefused: "The chat did not start: check the marked fields and try again.", rateNeedStars: "Pick a number of stars first",
      unknownError: "Something went wrong; try again later.",
      urgentHead: "Account or assets stolen? Do this now:", urgentFreeze: "Freeze my account now",
      urgentFreezeNote: "Once frozen, nobody (the thief included) can withdraw or trade until you unfreeze it with support.",
      urgentReport: "Cannot sign in to the wallet? Report the theft without signing in and we freeze the account",
      urgentCall: "Call or message us on an official channel below and say your account was stolen: we can freeze it while you wait.",
      urgentPasswords: "Change the password of the email and phone account linked to the wallet, and sign out every other device there.",
      urgentSeed: "If you still hold the wallet's seed phrase, move what is left to a new wallet created on a clean device.",
      urgentRevoke: "Revoke token approvals you do not recognise (for example with the wallet's own approvals page).",
      urgentContacts: "Official channels:", urgentHelp: "What to do when your account was stolen",
      urgentNever: "We never ask for your password, seed phrase or private key, and never ask you to move funds to an address we give you."
    }
  };
  // Server errors by code, in the widget's own language: the server answers in whatever language its
  // request ran under, which need not be the one the customer picked in the widget.
  var ERR = {
    "zh-hans": {
      message_too_long: "消息过长（最多 20,000 个字符）。", message_empty: "消息内容为空。",
      intake_invalid: "部分必填信息缺失或无效。", category_unknown: "未知的问题类型，请重新选择。",
      attachment_rejected: "无法添加此文件：仅支持 PNG、JPEG、GIF、WebP 图片和 PDF，最大 10 MB。",
      rate_limited: "发送过于频繁，请稍后再试。", conversation_not_live: "此会话已结束。",
      email_invalid: "请输入有效的邮箱地址以接收回复。", widget_session_invalid: "会话已过期，请重新打开聊天窗口。",
      visitor_token_invalid: "访客凭证无效，请刷新页面。", ticket_closed: "此工单已关闭，请发起新的咨询。",
      ticket_not_found: "找不到此咨询。", conversation_not_found: "会话不存在。", validation_failed: "部分内容无效。",
      identity_token_invalid: "身份验证失败，请重新登录钱包后再试。", identity_token_expired: "登录已过期，请重新登录钱包后再试。"
    },
    en: {
      message_too_long: "The message is too long (20,000 characters at most).", message_empty: "The message is empty.",
      intake_invalid: "Some required details are missing or invalid.", category_unknown: "Unknown category; pick one again.",
      attachment_rejected: "This file cannot be attached: images (PNG, JPEG, GIF, WebP) and PDF up to 10 MB only.",
      rate_limited: "Too many messages; try again in a moment.", conversation_not_live: "This chat has already ended.",
      email_invalid: "Enter a valid email address for the reply.", widget_session_invalid: "The chat session has expired; reload the chat.",
      visitor_token_invalid: "The visitor token is invalid; reload the page.", ticket_closed: "This request is closed; start a new chat.",
      ticket_not_found: "This request was not found.", conversation_not_found: "Chat not found.", validation_failed: "Some fields are invalid.",
      identity_token_invalid: "We could not verify your identity. Sign in to the wallet again and retry.",
      identity_token_expired: "Your sign-in has expired. Sign in to the wallet again and retry."
    }
  };
  var EMOJI = "😀 😂 😊 😍 🤔 😢 😡 👍 👎 🙏 👌 🎉 ❤️ 🔥 ✅ ❌ ⚠️ 💰 🔒 ⏳ 📎 📷 🙂 😅".split(" ");
  var root = document.getElementById("wd");
  var CATEGORIES = JSON.parse(document.getElementById("wd-categories-data").textContent);
  var ORIGINS = JSON.parse(document.getElementById("wd-origins-data").textContent);
  var MAX_BYTES = parseInt(root.dataset.maxBytes, 10);
  var URGENT = JSON.parse(document.getElementById("wd-urgent-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  // The frame's own localStorage, or, where the browser denies a cross-site frame its storage (Chromium
  // with third-party cookies blocked, incognito), a copy kept by widget.js in the host page's storage:
  // otherwise the visitor would lose its conversation, drafts and unsent messages on every reload.
  var hostCopy = null;
  var store = {
    get: function (k, d) {
      if (hostCopy) return Object.prototype.hasOwnProperty.call(hostCopy, k) ? hostCopy[k] : d;
      try { var v = localStorage.getItem("wd." + k); return v === null ? d : JSON.parse(v); } catch (e) { return d; }
    },
    set: function (k, v) {
      if (hostCopy) { hostCopy[k] = v; toParent({ type: "wd.store", key: k, value: v }); return; }
      try { localStorage.setItem("wd." + k, JSON.stringify(v)); } catch (e) { /* full */ }
    }
  };
  function ownStorageWorks() {
    try { localStorage.setItem("wd.probe", "1"); localStorage.removeItem("wd.probe"); return true; } catch (e) { return false; }
  }

  function parentOrigin() {
    // Firefox has no location.ancestorOrigins; the referrer's origin names the embedding page there.
    var o = (location.ancestorOrigins && location.ancestorOrigins[0]) || "";
    if (!o && document.referrer) { try { o = new URL(document.referrer).origin; } catch (e) { o = ""; } }
    return ORIGINS.indexOf(o) >= 0 || o === location.origin ? o : null;
  }
  function toParent(msg) { var o = parentOrigin(); if (o && window.parent !== window) window.parent.postMessage(msg, o); }

  // A language picked while the frame still waits for the host page's copy of its storage must survive
  // boot: applyTexts would put the select back to the stored or default language (seen on a loaded machine).
  var pickedBeforeBoot = null;
  function rememberEarlyPick(e) { pickedBeforeBoot = e.target.value; }
  // Earlier still, before this script ran, no listener saw the pick: the select then differs from
  // the option the server marked selected (the frame's language).
  function pickedBeforeScripts() {
    var sel = $("wd-lang");
    for (var i = 0; i < sel.options.length; i++) {
      if (sel.options[i].defaultSelected) return sel.value !== sel.options[i].value ? sel.value : null;
    }
    return null;
  }
  $("wd-lang").addEventListener("change", rememberEarlyPick);

  if (ownStorageWorks() || window.parent === window || !parentOrigin()) { boot(); return; }
  hostCopy = {};
  var booted = false;
  function bootOnce() { if (!booted) { booted = true; boot(); } }
  window.addEventListener("message", function (e) {
    if (e.source !== window.parent || e.origin !== parentOrigin()) return;
    var d = e.data || {};
    if (d.type === "wd.storage" && !booted) {
      if (d.entries && typeof d.entries === "object") hostCopy = d.entries;
      bootOnce();
    }
  });
  toParent({ type: "wd.storage-get" });
  setTimeout(bootOnce, 1000);  // a host page without a widget.js that answers: start with an empty copy

  function boot() {
  var state = {
    locale: store.get("locale", root.dataset.locale), identity: null, ws: null, session: null,
    attempt: 0, welcomed: false, ticket: null, conversation: null, messages: {}, order: [],
    availability: { open: true }, category: store.get("draft.category", null), visible: false, unread: 0, typingTimer: null,
    intake: store.get("draft.intake", {}), fieldErrors: {}, rated: {}, urgentChat: store.get("urgent.chat", false),
    lastTyping: 0, pingTimer: null, pongDue: null, unmatched: {}, identifyWait: null, since: 0
  };
  var outbox = store.get("outbox", []);
  $("wd-lang").removeEventListener("change", rememberEarlyPick);
  var earlyPick = pickedBeforeBoot || pickedBeforeScripts();
  if (earlyPick) { state.locale = earlyPick; store.set("locale", state.locale); }

  function t(key, vars) {
    var s = (T[state.locale] || T["zh-hans"])[key] || key;
    Object.keys(vars || {}).forEach(function (k) { s = s.split("{" + k + "}").join(vars[k]); });
    return s;
  }
  function errText(code, fallback) { return (ERR[state.locale] || ERR["zh-hans"])[code] || fallback || t("unknownError"); }
  function uid() {
    var a = new Uint8Array(16); crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function visitorToken() {
    var v = store.get("visitor", null);
    if (!v) { var a = new Uint8Array(32); crypto.getRandomValues(a); v = btoa(String.fromCharCode.apply(null, a)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""); store.set("visitor", v); }
    return v;
  }
  function show(id) { ["wd-prechat", "wd-offline", "wd-chat"].forEach(function (s) { $(s).hidden = s !== id; }); }
  function fmtWait(sec) {
    if (sec === null || sec === undefined) return null;
    return sec < 60 ? t("lessMinute") : t("minutes", { m: Math.round(sec / 60) });
  }

  // --- texts ------------------------------------------------------------------------------------
  function applyTexts() {
    document.documentElement.lang = state.locale;
    $("wd-lang").value = state.locale;
    $("wd-title").textContent = t("title"); $("wd-safety-text").textContent = t("safety"); $("wd-verify").textContent = t("verify");
    $("wd-pick").textContent = t("pick"); $("wd-first-label").textContent = t("first"); $("wd-start").textContent = t("start");
    $("wd-send").textContent = t("send"); $("wd-input").placeholder = t("placeholder");
    // The names a screen reader says and the tooltips, in the same language as the text around them.
    ["attach", "close", "emoji"].forEach(function (k) { var b = $("wd-" + k); b.setAttribute("aria-label", t(k)); b.title = t(k); });
    $("wd-lang").setAttribute("aria-label", t("language")); $("wd-messages").setAttribute("aria-label", t("conversation"));
    $("wd-emoji-panel").setAttribute("aria-label", t("emoji"));
    $("wd-offline-email-label").textContent = t("email"); $("wd-offline-body-label").textContent = t("message");
    $("wd-offline-send").textContent = t("leave"); $("wd-rate-q").textContent = t("rateQ");
    $("wd-rate-comment").placeholder = t("rateComment"); $("wd-rate-send").textContent = t("rateSend");
    $("wd-transcript").textContent = t("transcript"); $("wd-transcript-email").textContent = t("transcriptEmail");
    $("wd-record").textContent = t("record");
    renderCategories(); renderQueue(); renderOffline(); renderStars(); renderUrgent();
  }

  // --- a theft victim's urgent steps: where the chat is picked, above the chat, beside the offline form ---
  function urgentLink(href, text, cls) {
    var a = document.createElement("a"); a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
    a.textContent = text; if (cls) a.className = cls; return a;
  }
  function urgentFill(box, foldable) {
    box.textContent = "";
    // Above a running chat the steps fold to their heading, so the conversation keeps its room.
    var head = document.createElement(foldable ? "summary" : "p"); head.className = "wd-urgent-head"; head.textContent = t("urgentHead");
    if (foldable) { var fold = document.createElement("details"); fold.open = box.dataset.folded !== "1"; fold.appendChild(head); box.appendChild(fold); box = fold;
      fold.addEventListener("toggle", function () { fold.parentNode.dataset.folded = fold.open ? "0" : "1"; }); }
    else box.appendChild(head);
    var first = document.createElement("p");
    if (state.identity && state.identified) {
      // Signed in to the wallet: its identity token is the wallet's own sign-in link to the portal,
      // so the freeze page opens signed in, one click from the freeze.
      var href = "/support/login/?token=" + encodeURIComponent(state.identity) + "&next=" + encodeURIComponent(URGENT.freeze_url);
      first.appendChild(urgentLink(href, t("urgentFreeze"), "wd-btn wd-urgent-freeze"));
      var note = document.createElement("span"); note.className = "wd-small"; note.textContent = " " + t("urgentFreezeNote"); first.appendChild(note);
    } else {
      first.appendChild(urgentLink(URGENT.report_url, t("urgentReport"), "wd-urgent-report"));
    }
    box.appendChild(first);
    var steps = document.createElement("ol");
    ["urgentCall", "urgentPasswords", "urgentSeed", "urgentRevoke"].forEach(function (k) {
      var li = document.createElement("li"); li.textContent = t(k); steps.appendChild(li);
    });
    box.appendChild(steps);
    // Every language's channels (a hotline that serves Chinese still freezes an English speaker's
    // account), the reader's own first.
    var prefix = state.locale.split("-")[0];
    var contacts = URGENT.contacts.slice().sort(function (a, b) {
      return (a.locale && a.locale.indexOf(prefix) !== 0 ? 1 : 0) - (b.locale && b.locale.indexOf(prefix) !== 0 ? 1 : 0);
    });
    if (contacts.length) {
      var list = document.createElement("ul"); list.className = "wd-urgent-contacts";
      contacts.forEach(function (c) {
        var li = document.createElement("li"), kind = document.createElement("strong");
        kind.textContent = c.kind_name[state.locale] || c.kind; li.appendChild(kind);
        li.appendChild(document.createTextNode(": " + c.value + (c.label[state.locale] ? " (" + c.label[state.locale] + ")" : "")));
        list.appendChild(li);
      });
      var lead = document.createElement("p"); lead.textContent = t("urgentContacts"); box.appendChild(lead); box.appendChild(list);
    }
    var more = document.createElement("p"); more.className = "wd-small";
    more.appendChild(urgentLink("/contact/", t("verify")));
    more.appendChild(document.createTextNode(" · "));
    more.appendChild(urgentLink(URGENT.help_url[state.locale] || URGENT.help_url.en, t("urgentHelp")));
    box.appendChild(more);
    var never = document.createElement("p"); never.className = "wd-small"; never.textContent = t("urgentNever"); box.appendChild(never);
  }
  function renderUrgent() {
    var theft = state.category === URGENT.category;
    [["wd-urgent", theft], ["wd-urgent-offline", theft || !!state.offlineUrgent], ["wd-urgent-chat", !!state.urgentChat]].forEach(function (pair) {
      var box = $(pair[0]); box.hidden = !pair[1];
      if (pair[1]) urgentFill(box, pair[0] === "wd-urgent-chat"); else box.textContent = "";
    });
  }
  function urgentChatSet(on) { state.urgentChat = on; store.set("urgent.chat", on); renderUrgent(); }

  // --- pre-chat: category picker, what to prepare, help suggestions -----------------------------
  function renderCategories() {
    var box = $("wd-categories"); box.textContent = "";
    CATEGORIES.forEach(function (c) {
      var b = document.createElement("button"); b.type = "button"; b.dataset.slug = c.slug;
      b.textContent = c.name[state.locale] || c.slug;
      b.setAttribute("aria-pressed", String(state.category === c.slug));
      b.addEventListener("click", function () {
        state.category = c.slug; store.set("draft.category", c.slug); state.fieldErrors = {}; renderCategories(); renderUrgent();
        (c.slug === URGENT.category ? $("wd-urgent") : $("wd-prepare")).scrollIntoView({ block: "nearest" });
      });
      box.appendChild(b);
    });
    var cat = currentCategory();
    var prep = $("wd-prepare"); prep.textContent = ""; prep.hidden = !cat;
    renderFieldError("body", $("wd-first"), $("wd-first-error"));
    if (!cat) return;
    var values = state.intake[cat.slug] || {};
    if (cat.description[state.locale]) {
      var desc = document.createElement("p"); desc.className = "wd-cat-desc"; desc.textContent = cat.description[state.locale]; prep.appendChild(desc);
    }
    var typed = cat.fields.filter(function (f) { return f.type !== "file"; });
    if (cat.fields.length) {
      var head = document.createElement("p"); head.className = "wd-prepare-head"; head.textContent = t("prepare"); prep.appendChild(head);
    }
    cat.fields.forEach(function (f) {
      var field = document.createElement("div"); field.className = "wd-field";
      var label = document.createElement("label"), id = "wd-f-" + f.key;
      label.textContent = (f.label[state.locale] || f.key) + (f.required && f.type !== "file" ? " *" : "") + (f.help[state.locale] ? " — " + f.help[state.locale] : "");
      field.appendChild(label);
      if (typed.indexOf(f) >= 0) {
        var input = document.createElement("input"); input.type = "text"; input.id = id; input.dataset.key = f.key;
        input.required = f.required; input.value = values[f.key] || ""; label.htmlFor = id;
        input.addEventListener("input", function () {
          var all = state.intake[cat.slug] = state.intake[cat.slug] || {};
          all[f.key] = input.value; store.set("draft.intake", state.intake);
          if (state.fieldErrors[f.key] && input.value.trim()) { delete state.fieldErrors[f.key]; renderFieldError(f.key, input, err); }
        });
        var err = document.createElement("p"); err.className = "wd-field-error"; err.id = id + "-error"; err.dataset.errorFor = f.key;
        input.setAttribute("aria-describedby", err.id);
        field.appendChild(input); field.appendChild(err);
        renderFieldError(f.key, input, err);
      }
      prep.appendChild(field);
    });
  }
  function currentCategory() { return CATEGORIES.filter(function (c) { return c.slug === state.category; })[0] || null; }
  // The server's own reason ("This does not look like a transaction hash…") beats a generic one.
  function sentence(code) { return typeof code === "string" && (code.indexOf(" ") > 0 || /[\u4e00-\u9fff]/.test(code)); }
  function renderFieldError(key, input, box) {
    var code = state.fieldErrors[key];
    var text = !code ? "" : key === "body" ? (code === "required" ? t("bodyMissing") : errText(code)) : code === "required" ? t("fieldRequired") : sentence(code) ? code : t("fieldInvalid");
    box.textContent = text; box.hidden = !code;
    if (code) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  }
  function startValues() {
    var cat = currentCategory(), values = (cat && state.intake[cat.slug]) || {}, intake = {}, errors = {};
    (cat ? cat.fields : []).forEach(function (f) {
      var v = String(values[f.key] || "").trim();
      if (v && f.type !== "file") intake[f.key] = v;
      else if (f.required && f.type !== "file") errors[f.key] = "required";
    });
    var body = $("wd-first").value.trim();
    if (!body) errors.body = "required";
    return { body: body, category: cat ? cat.slug : null, intake: intake, errors: errors };
  }
  function showStartErrors(errors, general) {
    state.fieldErrors = errors; renderCategories();
    var note = $("wd-start-error"); note.textContent = general || ""; note.hidden = !general;
    var first = $("wd-prechat").querySelector('[aria-invalid="true"]');
    if (first) { first.focus(); first.scrollIntoView({ block: "center" }); }
    else if (general) { note.scrollIntoView({ block: "nearest" }); }
  }
  function startChat() {
    var v = startValues();
    if (Object.keys(v.errors).length) { showStartErrors(v.errors); return; }
    showStartErrors({});
    // The form keeps its values (and their drafts) until the server takes the message: a refusal
    // brings the form back as it was.
    show("wd-chat");
    urgentChatSet(v.category === URGENT.category);
    queueMessage(v.body, { start: true, category: v.category, intake: v.intake });
  }
  function startRefused(item, d) {
    removePending(item.client_id);
    if (item.category) { state.category = item.category; store.set("draft.category", item.category); }
    if (item.category && item.intake) {
      var all = state.intake[item.category] = state.intake[item.category] || {};
      Object.keys(item.intake).forEach(function (k) { if (!String(all[k] || "").trim()) all[k] = item.intake[k]; });
      store.set("draft.intake", state.intake);
    }
    if (!$("wd-first").value.trim()) { $("wd-first").value = item.body; store.set("draft.first", item.body); }
    var errors = {}, known = currentCategory(), keys = known ? known.fields.map(function (f) { return f.key; }) : [];
    Object.keys(d.fields || {}).forEach(function (k) { if (keys.indexOf(k) >= 0) errors[k] = d.fields[k] === "required" ? "required" : d.fields[k] || "invalid"; });
    if (["message_too_long", "message_empty"].indexOf(d.code) >= 0) errors.body = d.code;
    show("wd-prechat");
    // A field the form does not show (the category changed on the server) can only be named in general.
    showStartErrors(errors, Object.keys(errors).length ? t("startRefused") : errText(d.code, d.message));
  }
  function startAccepted() {
    $("wd-first").value = ""; store.set("draft.first", "");
    if (state.category) { delete state.intake[state.category]; store.set("draft.intake", state.intake); }
    state.category = null; store.set("draft.category", null); state.fieldErrors = {};
    $("wd-start-error").hidden = true; renderCategories(); renderUrgent();
  }

  var suggestTimer = null;
  function suggest() {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(function () {
      var q = $("wd-first").value.trim(), list = $("wd-suggest");
      if (q.length < 2) { list.hidden = true; return; }
      fetch("/api/v1/chat/suggest?q=" + encodeURIComponent(q) + "&locale=" + state.locale).then(function (r) { return r.ok ? r.json() : []; }).then(function (hits) {
        list.textContent = "";
        if (!hits.length) { list.hidden = true; return; }
        var head = document.createElement("li"); head.textContent = t("suggest"); head.style.listStyle = "none"; list.appendChild(head);
        hits.forEach(function (h) { var li = document.createElement("li"), a = document.createElement("a"); a.href = h.url; a.target = "_blank"; a.rel = "noopener"; a.textContent = h.title; li.appendChild(a); list.appendChild(li); });
        list.hidden = false;
        list.scrollIntoView({ block: "nearest" });  // they appear below the text box, maybe below the fold
      }).catch(function () { list.hidden = true; });
    }, 300);
  }

  // --- the outbox ---------------------------------------------------------------------------------
  function queueMessage(body, extra) {
    var item = { client_id: uid(), body: body, t: Date.now() };
    if (extra && extra.start) { item.start = true; if (extra.category) { item.category = extra.category; item.intake = extra.intake || {}; } }
    outbox.push(item); store.set("outbox", outbox);
    renderPending(item);
    sendOutbox();
  }
  function sendOutbox() {
    if (!state.ws || state.ws.readyState !== 1 || !state.welcomed) return;
    outbox.forEach(function (item) {
      state.ws.send(JSON.stringify({ type: "message", client_id: item.client_id, body: item.body, category: item.category, intake: item.intake }));
    });
  }
  function outboxItem(clientId) { return outbox.filter(function (i) { return i.client_id === clientId; })[0] || null; }
  function dropFromOutbox(clientId) {
    outbox = outbox.filter(function (i) { return i.client_id !== clientId; }); store.set("outbox", outbox);
  }

  // --- messages -----------------------------------------------------------------------------------
  function bubble(kind, html, meta) {
    var li = document.createElement("li"); li.className = "wd-msg " + kind;
    var body = document.createElement("div"); body.className = "wd-body";
    body.innerHTML = html; // server-rendered Markdown, sanitized by nh3; the frame's CSP forbids inline script too
    // A link followed inside the frame would replace the chat: it opens beside it instead.
    Array.prototype.forEach.call(body.querySelectorAll("a[href]"), function (a) { a.target = "_blank"; a.rel = "noopener noreferrer nofollow"; });
    li.appendChild(body);
    var m = document.createElement("div"); m.className = "wd-meta"; m.textContent = meta || ""; li.appendChild(m);
    return li;
  }
  function escapeText(s) { var d = document.createElement("div"); d.textContent = s; return d.innerHTML.replace(/\n/g, "<br>"); }
  function renderPending(item) {
    if (document.querySelector('[data-client-id="' + item.client_id + '"]')) return;
    var li = bubble("customer pending", escapeText(item.body), t("sending")); li.dataset.clientId = item.client_id;
    $("wd-messages").appendChild(li); scrollDown();
  }
  function addMessage(m, clientId) {
    if (state.messages[m.id]) { if (clientId) removePending(clientId); return; }
    state.messages[m.id] = m;
    var meta = m.author_kind === "agent" ? (m.author_name || "") : "";
    var time = m.created_at ? new Date(m.created_at).toLocaleTimeString(state.locale === "en" ? "en" : "zh-CN", { hour: "2-digit", minute: "2-digit" }) : "";
    var li = bubble(m.author_kind, m.body_html, [meta, time].filter(Boolean).join(" · "));
    li.dataset.id = m.id;
    (m.attachments || []).forEach(function (a) { var d = document.createElement("div"); d.className = "wd-meta"; d.textContent = "📎 " + a.filename + " (" + Math.ceil(a.size / 1024) + " KB)"; li.appendChild(d); });
    var pending = clientId && document.querySelector('[data-client-id="' + clientId + '"]');
    if (pending) pending.replaceWith(li); else insertOrdered(li, m.id);
    // Per page, not stored: after a reload the page is empty and needs the history again.
    state.since = Math.max(state.since, m.id);
    if (m.author_kind !== "customer") { state.unread += state.visible ? 0 : 1; toParent({ type: "wd.unread", count: state.unread }); markRead(); }
    renderReceipts(); scrollDown();
  }
  // Before the first message with a later id, else at the end. Notes without an id (an agent joined,
  // the chat ended) keep their place: placed just after the previous message instead, the agent's
  // first reply went above "agent joined". Messages still on their way stay below what the server
  // already has; a refused one is not on its way and keeps its place in time: counted as on its
  // way, it pulled every later message, the agent's replies too, in above itself, out of view.
  function insertOrdered(li, id) {
    var list = $("wd-messages"), before = null;
    Array.prototype.some.call(list.querySelectorAll("li[data-id]"), function (el) {
      if (parseInt(el.dataset.id, 10) > id) { before = el; return true; }
      return false;
    });
    var firstPending = list.querySelector("li[data-client-id]:not(.failed)");
    if (before) list.insertBefore(li, before); else list.appendChild(li);
    if (firstPending && li.compareDocumentPosition(firstPending) & Node.DOCUMENT_POSITION_PRECEDING) list.insertBefore(li, firstPending);
  }
  function removePending(clientId) { var el = document.querySelector('[data-client-id="' + clientId + '"]'); if (el) el.remove(); }
  function scrollDown() { var l = $("wd-messages"); l.scrollTop = l.scrollHeight; }
  function markRead() {
    if (!state.visible || document.visibilityState !== "visible" || !state.ws || state.ws.readyState !== 1) return;
    var top = 0; Object.keys(state.messages).forEach(function (id) { if (state.messages[id].author_kind !== "customer") top = Math.max(top, +id); });
    if (top) state.ws.send(JSON.stringify({ type: "read", upto: top }));
    state.unread = 0; toParent({ type: "wd.unread", count: 0 });
  }
  function renderReceipts() {
    var upto = state.conversation ? state.conversation.agent_read_upto : 0, l = $("wd-messages");
    // A mark under the last message grows the list: one scrolled to its end stays there, the mark in view.
    var atEnd = l.scrollHeight - l.scrollTop - l.clientHeight < 2;
    Array.prototype.forEach.call(document.querySelectorAll(".wd-msg.customer[data-id]"), function (el) {
      var read = +el.dataset.id <= upto, mark = el.querySelector(".wd-read");
      if (read && !mark) { mark = document.createElement("div"); mark.className = "wd-meta wd-read"; mark.textContent = "✓ " + t("read"); el.appendChild(mark); }
    });
    if (atEnd) scrollDown();
  }

  // --- queue, offline, rating -------------------------------------------------------------------------
  function renderQueue() {
    var box = $("wd-queue"), q = state.queue;
    if (!q || !q.position || !state.conversation || state.conversation.status !== "queued") { box.hidden = true; return; }
    var w = fmtWait(q.wait_seconds);
    box.textContent = w === null ? t("queueUnknown", { n: q.position - 1 }) : q.position === 1 ? t("queueNext", { w: w }) : t("queue", { n: q.position - 1, w: w });
    box.dataset.position = q.position; box.hidden = false;
  }
  function renderOffline() {
    var a = state.availability || {};
    var when = a.back_at ? new Date(a.back_at).toLocaleString(state.locale === "en" ? "en" : "zh-CN", { weekday: "short", hour: "2-digit", minute: "2-digit" }) : "";
    // Chinese sentences follow a "。" with no space; English ones take one.
    var gap = state.locale === "en" ? " " : "";
    $("wd-offline-text").textContent = (a.reason === "closed_hours" ? t("offlineHours", { t: when }) : t("offlineNobody")) + gap + t("offlineLeave");
  }
  function chooseView() {
    // A chat with messages on screen stays on screen, even if a reconnect's state says little.
    var live = (state.ticket && state.ticket.open) || (!state.ticket && Object.keys(state.messages).length > 0);
    if (live || outbox.length) { show("wd-chat"); }
    else if (state.availability && !state.availability.open) { show("wd-offline"); }
    else if (state.ticket && state.ticket.rating_pending) { show("wd-chat"); }
    else { show("wd-prechat"); }
    var pending = !!(state.ticket && state.ticket.rating_pending && !state.rated[state.ticket.id]);
    if (pending && $("wd-rating").hidden) openRating(); else if (!pending) $("wd-rating").hidden = true;
  }

  // --- the socket ---------------------------------------------------------------------------------
  function connect() {
    clearTimeout(state.identifyWait);
    var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/chat/");
    state.ws = ws; state.welcomed = false;
    ws.onopen = function () {
      ws.send(JSON.stringify({ type: "hello", identity: state.identity, visitor: state.identity ? null : visitorToken(), locale: state.locale, since: state.since }));
    };
    ws.onmessage = function (e) { var data; try { data = JSON.parse(e.data); } catch (err) { return; } handle(data); };
    ws.onclose = function (e) {
      if (state.ws !== ws) return;
      clearInterval(state.pingTimer);
      if (e.code === 4401) { $("wd-status").textContent = t("refused"); $("wd-status").hidden = false; return; }
      $("wd-status").textContent = t("reconnecting"); $("wd-status").hidden = false;
      var delay = Math.min(30000, 500 * Math.pow(2, state.attempt++)) * (0.5 + Math.random() / 2);
      setTimeout(connect, navigator.onLine === false ? Math.max(delay, 1000) : delay);
    };
  }
  function reconnectNow() { if (state.ws) { var old = state.ws; state.ws = null; try { old.close(); } catch (e) { /* closed */ } } state.attempt = 0; connect(); }
  function heartbeat() {
    clearInterval(state.pingTimer);
    state.pingTimer = setInterval(function () {
      if (!state.ws || state.ws.readyState !== 1) return;
      if (state.pongDue && Date.now() > state.pongDue) { reconnectNow(); return; } // a silent dead connection
      state.pongDue = Date.now() + 10000; state.ws.send(JSON.stringify({ type: "ping" }));
    }, 15000);
  }

  function handle(d) {
    if (d.type === "welcome") {
      state.welcomed = true; state.attempt = 0; state.session = d.session; $("wd-status").hidden = true;
      state.identified = !!d.identified;
      state.ticket = d.ticket; state.conversation = d.conversation; state.queue = d.queue; state.availability = d.availability;
      // The server knows the chat's category; a start still in the outbox keeps what was picked.
      if (d.ticket) urgentChatSet(d.ticket.open && d.ticket.category === URGENT.category);
      else if (!outbox.some(function (i) { return i.start; })) urgentChatSet(false);
      else renderUrgent();  // the identity may have changed: the freeze link with it
      (d.messages || []).forEach(function (m) { addMessage(m); });
      outbox.forEach(renderPending);
      renderQueue(); renderOffline(); chooseView(); heartbeat(); sendOutbox(); markRead();
    } else if (d.type === "pong") { state.pongDue = null;
    } else if (d.type === "ack") {
      var acked = outboxItem(d.client_id);
      dropFromOutbox(d.client_id); delete state.unmatched[d.message.id];
      if (acked && acked.start) startAccepted();
      state.ticket = state.ticket && state.ticket.id === d.ticket_id ? state.ticket : { id: d.ticket_id, open: true, status: "open" };
      state.ticket.open = true; addMessage(d.message, d.client_id);
      if (d.category === URGENT.category && !state.urgentChat) urgentChatSet(true);
    } else if (d.type === "message.added") {
      var m = d.message;
      if (m.author_kind === "customer" && outbox.length) { // our own message: the ack will place it
        state.unmatched[m.id] = m; setTimeout(function () { if (state.unmatched[m.id]) { addMessage(m); delete state.unmatched[m.id]; } }, 1500);
      } else { addMessage(m); }
      if (m.author_kind === "agent") $("wd-typing").hidden = true;
    } else if (d.type === "chat.typing") {
      $("wd-typing").textContent = t("typing"); $("wd-typing").hidden = !d.state;
      clearTimeout(state.typingTimer); state.typingTimer = setTimeout(function () { $("wd-typing").hidden = true; }, 6000);
    } else if (d.type === "chat.queue") {
      if (d.position) state.queue = d; if (d.availability) { state.availability = d.availability; renderOffline(); } renderQueue();
    } else if (d.type === "chat.state") {
      var was = state.conversation && state.conversation.status;
      state.conversation = d.conversation;
      if (d.conversation.status === "active" && was !== "active" && d.conversation.agent_name) systemNote(t("agentJoined", { name: d.conversation.agent_name, code: d.conversation.agent_code }));
      if (d.conversation.status === "ended") systemNote(t("ended"));
      renderQueue(); renderReceipts();
    } else if (d.type === "chat.read") {
      if (d.side === "agent") { state.conversation = state.conversation || {}; state.conversation.agent_read_upto = d.upto; renderReceipts(); }
    } else if (d.type === "ticket.changed") {
      state.ticket = state.ticket || { id: d.ticket.id };
      state.ticket.status = d.ticket.status; state.ticket.open = ["solved", "closed"].indexOf(d.ticket.status) < 0;
      // Storing the rating changes the ticket too ("rated"): that must not ask again.
      if (d.ticket.status === "solved" && d.change !== "rated" && !state.rated[d.ticket.id]) { state.ticket.rating_pending = true; openRating(); }
      if (state.ticket.open) { $("wd-rating").hidden = true; $("wd-rated").hidden = true; }
    } else if (d.type === "rated") {
      rated(d.ticket_id);
    } else if (d.type === "error") {
      var failedItem = d.client_id ? outboxItem(d.client_id) : null;
      if (d.client_id && ["rate_limited"].indexOf(d.code) < 0) {
        dropFromOutbox(d.client_id);
        if (failedItem && failedItem.start) { startRefused(failedItem, d); return; }
        var el = document.querySelector('[data-client-id="' + d.client_id + '"]');
        if (el) { el.classList.add("failed"); el.querySelector(".wd-meta").textContent = t("failed") + errText(d.code, d.message); }
        // Nothing typed is lost: a refused message goes back into an empty box to be fixed.
        if (failedItem && !$("wd-input").value.trim()) { $("wd-input").value = failedItem.body; store.set("draft", failedItem.body); }
      } else if (state.rateSending) {
        state.rateSending = false; ratingError(errText(d.code, d.message));
      } else { showError(errText(d.code, d.message)); }
    }
  }
  function systemNote(text) { var li = bubble("system", escapeText(text), ""); $("wd-messages").appendChild(li); scrollDown(); }
  function apiErr(j) { var e = (j && j.error) || {}; return errText(e.code, e.message); }
  function showError(text) { var e = $("wd-error"); e.textContent = text; e.hidden = false; setTimeout(function () { e.hidden = true; }, 6000); }

  // --- composer: IME-safe Enter, typing, emoji, files ----------------------------------------------
  var composing = false;
  function send() {
    var input = $("wd-input"), body = input.value.trim();
    if (!body) return;
    input.value = ""; store.set("draft", "");
    typing(false);
    queueMessage(body);
  }
  function typing(on) {
    if (!state.ws || state.ws.readyState !== 1 || !state.ticket) return;
    var now = Date.now();
    if (on && now - state.lastTyping < 1000) return;
    state.lastTyping = on ? now : 0;
    state.ws.send(JSON.stringify({ type: "typing", state: on, preview: on ? $("wd-input").value.slice(0, 120) : "" }));
    clearTimeout(state.stopTyping);
    if (on) state.stopTyping = setTimeout(function () { typing(false); }, 3000);
  }
  function upload(file) {
    if (!file) return;
    if (file.size > MAX_BYTES) { showError(t("tooBig")); return; }
    var form = new FormData(), clientId = uid();
    form.append("client_id", clientId); form.append("file", file, file.name || "pasted.png"); form.append("locale", state.locale);
    var item = { client_id: clientId, body: "📎 " + (file.name || "image") };
    renderPending(item);
    var attempt = function (n) {
      fetch("/api/v1/chat/upload", { method: "POST", body: form, headers: { "X-Widget-Session": state.session || "" } })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
        .then(function (res) {
          if (res.ok) { state.ticket = state.ticket || { id: res.j.ticket_id, open: true }; addMessage(res.j.message, clientId); }
          else { var el = document.querySelector('[data-client-id="' + clientId + '"]'); if (el) { el.classList.add("failed"); el.querySelector(".wd-meta").textContent = t("failed") + apiErr(res.j); } }
        })
        .catch(function () { if (n < 5) setTimeout(function () { attempt(n + 1); }, 1000 * Math.pow(2, n)); });
    };
    attempt(0);
  }

  // --- transcript ----------------------------------------------------------------------------------
  function transcriptDownload() {
    if (!state.ticket) return;
    fetch("/api/v1/chat/transcript", { method: "POST", headers: { "Content-Type": "application/json", "X-Widget-Session": state.session || "" }, body: JSON.stringify({ ticket_id: state.ticket.id, locale: state.locale }) })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.blob(); })
      .then(function (blob) { var a = document.createElement("a"); a.href = URL.createObjectURL(blob); a.download = "transcript-" + state.ticket.id + ".html"; document.body.appendChild(a); a.click(); a.remove(); })
      .catch(function (e) { showError(String(e)); });
  }
  function transcriptEmail() {
    if (!state.ticket) return;
    var email = window.prompt(t("transcriptPrompt"), store.get("email", ""));
    if (!email) return;
    store.set("email", email);
    fetch("/api/v1/chat/transcript/email", { method: "POST", headers: { "Content-Type": "application/json", "X-Widget-Session": state.session || "" }, body: JSON.stringify({ ticket_id: state.ticket.id, email: email, locale: state.locale }) })
      .then(function (r) { return r.json().then(function (j) { if (r.ok) systemNote(t("transcriptSent", { email: j.email })); else showError(apiErr(j)); }); });
  }

  // --- rating ----------------------------------------------------------------------------------------
  var rating = 0;
  function openRating() {
    $("wd-rated").hidden = true; $("wd-rate-error").hidden = true; $("wd-rating").hidden = false; renderStars();
    $("wd-rating").scrollIntoView({ block: "nearest" });
  }
  function rated(ticketId) {
    state.rateSending = false; state.rated[ticketId] = true;
    if (state.ticket) state.ticket.rating_pending = false;
    // The thanks take the panel's place, so they are where the customer is looking.
    $("wd-rating").hidden = true; $("wd-rated").textContent = t("rated"); $("wd-rated").hidden = false;
    $("wd-rated").scrollIntoView({ block: "nearest" });
  }
  function ratingError(text) { var e = $("wd-rate-error"); e.textContent = text; e.hidden = false; }
  function rateSend() {
    if (!rating) { ratingError(t("rateNeedStars")); return; }
    if (!state.ws || state.ws.readyState !== 1 || !state.ticket) { ratingError(t("reconnecting")); return; }
    $("wd-rate-error").hidden = true; state.rateSending = true;
    state.ws.send(JSON.stringify({ type: "rate", ticket_id: state.ticket.id, rating: rating, comment: $("wd-rate-comment").value }));
  }
  function renderStars() {
    var box = $("wd-stars"); box.textContent = "";
    [1, 2, 3, 4, 5].forEach(function (n) {
      var b = document.createElement("button"); b.type = "button"; b.textContent = "★"; b.dataset.value = n; b.setAttribute("aria-label", t(n === 1 ? "star1" : "star", { n: n }));
      if (n <= rating) b.className = "on";
      b.setAttribute("aria-pressed", String(n === rating));
      b.addEventListener("click", function () { rating = n; $("wd-rate-error").hidden = true; renderStars(); });
      box.appendChild(b);
    });
  }

  // --- wiring ------------------------------------------------------------------------------------------
  $("wd-lang").addEventListener("change", function (e) { state.locale = e.target.value; store.set("locale", state.locale); applyTexts(); });
  $("wd-close").addEventListener("click", function () { toParent({ type: "wd.close" }); });
  $("wd-first").addEventListener("input", function () {
    store.set("draft.first", $("wd-first").value); suggest();
    if (state.fieldErrors.body && $("wd-first").value.trim()) { delete state.fieldErrors.body; renderFieldError("body", $("wd-first"), $("wd-first-error")); }
  });
  $("wd-start").addEventListener("click", startChat);
  var input = $("wd-input");
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; });
  input.addEventListener("keydown", function (e) {
    // The Enter that confirms an IME candidate (pinyin) must not send the message.
    if (e.key !== "Enter" || e.shiftKey) return;
    if (e.isComposing || composing || e.keyCode === 229) return;
    e.preventDefault(); send();
  });
  input.addEventListener("input", function () { store.set("draft", input.value); typing(!!input.value); });
  input.addEventListener("paste", function (e) {
    var files = e.clipboardData && e.clipboardData.files;
    if (files && files.length) { e.preventDefault(); Array.prototype.forEach.call(files, upload); }
  });
  var chat = $("wd-chat");
  chat.addEventListener("dragover", function (e) { e.preventDefault(); chat.classList.add("wd-drop"); });
  chat.addEventListener("dragleave", function () { chat.classList.remove("wd-drop"); });
  chat.addEventListener("drop", function (e) { e.preventDefault(); chat.classList.remove("wd-drop"); Array.prototype.forEach.call(e.dataTransfer.files || [], upload); });
  $("wd-attach").addEventListener("click", function () { $("wd-file").click(); });
  $("wd-file").addEventListener("change", function (e) { Array.prototype.forEach.call(e.target.files, upload); e.target.value = ""; });
  $("wd-send").addEventListener("click", send);
  $("wd-emoji").addEventListener("click", function () {
    var panel = $("wd-emoji-panel"); panel.hidden = !panel.hidden; $("wd-emoji").setAttribute("aria-expanded", String(!panel.hidden));
  });
  EMOJI.forEach(function (em) {
    var b = document.createElement("button"); b.type = "button"; b.textContent = em;
    b.addEventListener("click", function () { var s = input.selectionStart || input.value.length; input.value = input.value.slice(0, s) + em + input.value.slice(input.selectionEnd || s); input.focus(); store.set("draft", input.value); });
    $("wd-emoji-panel").appendChild(b);
  });
  $("wd-transcript").addEventListener("click", transcriptDownload);
  $("wd-transcript-email").addEventListener("click", transcriptEmail);
  $("wd-rate-send").addEventListener("click", rateSend);
  $("wd-offline-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var clientId = store.get("offline.client", null) || uid(); store.set("offline.client", clientId);
    fetch("/api/v1/chat/offline", { method: "POST", headers: { "Content-Type": "application/json", "X-Widget-Session": state.session || "" },
      body: JSON.stringify({ client_id: clientId, email: $("wd-offline-email").value, body: $("wd-offline-body").value, locale: state.locale, category: state.category }) })
      .then(function (r) { return r.json().then(function (j) {
        if (!r.ok) { showError(apiErr(j)); $("wd-offline-done").textContent = apiErr(j); $("wd-offline-done").hidden = false; return; }
        store.set("offline.client", null); $("wd-offline-form").hidden = true;
        if (j.category === URGENT.category) { state.offlineUrgent = true; renderUrgent(); }
        $("wd-offline-done").textContent = t("offlineDone", { ref: j.reference, email: j.email }); $("wd-offline-done").hidden = false;
        // The message held a seed phrase or key: the server's warning (sanitized HTML, in the language
        // sent) says support never asks for it and links the stolen-account flow, as the chat does.
        var warn = $("wd-offline-warning");
        if (j.secret_warning_html) { warn.replaceChildren(bubble("system", j.secret_warning_html, "").firstChild); warn.hidden = false; warn.scrollIntoView({ block: "nearest" }); }
      }); });
  });
  window.addEventListener("offline", function () { if (state.ws) { try { state.ws.close(); } catch (e) { /* closed */ } } });
  window.addEventListener("online", reconnectNow);
  document.addEventListener("visibilitychange", markRead);
  window.addEventListener("message", function (e) {
    if (e.source !== window.parent || (ORIGINS.indexOf(e.origin) < 0 && e.origin !== location.origin)) return;
    var d = e.data || {};
    if (d.type === "wd.identify" && typeof d.token === "string" && d.token !== state.identity) {
      state.identity = d.token || null; reconnectNow();
    } else if (d.type === "wd.visible") { state.visible = !!d.visible; markRead();
    } else if (d.type === "wd.locale") { state.locale = d.locale === "en" ? "en" : "zh-hans"; applyTexts(); }
  });

  input.value = store.get("draft", ""); $("wd-first").value = store.get("draft.first", "");
  applyTexts(); renderStars();
  toParent({ type: "wd.ready" });
  // Give the host page a moment to pass the wallet's identity token before connecting as a visitor.
  state.identifyWait = setTimeout(connect, window.parent !== window ? 400 : 0);
  window.__wd = state;
  }
})();
