/* walletdesk live chat — the one <script> a wallet adds to its pages.
 *
 *   <script src="https://support.example/widget.js" async></script>
 *   <script>window.walletdesk=window.walletdesk||function(){(walletdesk.q=walletdesk.q||[]).push(arguments)};
 *           walletdesk('identify', {token: '<JWT signed by the wallet backend>'});</script>
 *
 * The chat itself runs in an iframe served by walletdesk: the host page's CSS and scripts cannot
 * reach it, and it talks to this script only through postMessage with checked origins.
 */
(function () {
  "use strict";
  if (window.__walletdeskWidget) return;
  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  var base = new URL(script.src, location.href).origin;
  var lang = /^en/i.test(navigator.language || "") ? "en" : "zh-hans";
  var iframe = null, button = null, badge = null, ready = false, isOpen = false, outbox = [];
  var OPEN_KEY = "walletdesk.chat.open";
  // Where the browser denies the cross-site frame its own storage, the frame keeps its state (visitor id,
  // drafts, unsent messages) here, in this page's storage, through wd.storage-get / wd.store messages.
  var FRAME_COPY_KEY = "walletdesk.chat.frame";
  var frameCopy = null;

  function frameCopyLoad() {
    if (frameCopy) return frameCopy;
    try { frameCopy = JSON.parse(localStorage.getItem(FRAME_COPY_KEY) || "{}") || {}; } catch (e) { frameCopy = {}; }
    return frameCopy;
  }

  function frameCopySet(key, value) {
    var copy = frameCopyLoad();
    if (value === null || value === undefined) delete copy[key]; else copy[key] = value;
    try { localStorage.setItem(FRAME_COPY_KEY, JSON.stringify(copy)); } catch (e) { /* storage off: kept for this page */ }
  }

  // The button and the frame's name sit in the host page, whose language may be another: each is marked
  // with its own, so a screen reader says it with the right voice.
  var TEXT = { en: { button: "Chat with support", frame: "Live chat with support" }, "zh-hans": { button: "在线咨询", frame: "在线咨询" } };
  function applyLang() {
    if (button) { button.firstChild.nodeValue = TEXT[lang].button; button.lang = lang; }
    if (iframe) { iframe.title = TEXT[lang].frame; iframe.lang = lang; }
  }

  function post(message) {
    if (ready && iframe) iframe.contentWindow.postMessage(message, base);
    else outbox.push(message);
  }

  function buildFrame() {
    if (iframe) return;
    iframe = document.createElement("iframe");
    iframe.src = base + "/widget/frame/?lang=" + encodeURIComponent(lang);
    iframe.id = "walletdesk-chat-frame";
    iframe.setAttribute("allow", "clipboard-read; clipboard-write");
    iframe.style.cssText = "position:fixed;right:20px;bottom:88px;width:380px;max-width:calc(100vw - 24px);" +
      "height:600px;max-height:calc(100vh - 110px);border:0;border-radius:12px;z-index:2147483000;" +
      "box-shadow:0 8px 30px rgba(0,0,0,.25);background:#fff;display:none";
    applyLang();
    document.body.appendChild(iframe);
  }

  // On a phone the chat takes the whole screen, as app chats do: in a 600 px box under the host's
  // own header the message box sat below the fold, behind the form the customer had to scroll past.
  var phone = window.matchMedia ? window.matchMedia("(max-width: 480px)") : { matches: false };
  function fitFrame() {
    if (!iframe) return;
    var s = iframe.style;
    if (phone.matches) {
      s.right = "0"; s.bottom = "0"; s.width = "100vw"; s.maxWidth = "100vw"; s.height = "100%";
      s.maxHeight = "100%"; s.borderRadius = "0";
    } else {
      s.right = "20px"; s.bottom = "88px"; s.width = "380px"; s.maxWidth = "calc(100vw - 24px)"; s.height = "600px";
      s.maxHeight = "calc(100vh - 110px)"; s.borderRadius = "12px";
    }
    // Important, inline: a host page's own `button{display:...!important}` must not decide it.
    if (button) button.style.setProperty("display", isOpen && phone.matches ? "none" : "inline-block", "important");
  }
  if (phone.addEventListener) phone.addEventListener("change", fitFrame);

  function setOpen(open) {
    buildFrame();
    isOpen = open;
    iframe.style.display = open ? "block" : "none";
    fitFrame();
    try { sessionStorage.setItem(OPEN_KEY, open ? "1" : "0"); } catch (e) { /* storage off */ }
    post({ type: "wd.visible", visible: open });
    if (open) badge.style.display = "none";
  }

  function buildButton() {
    button = document.createElement("button");
    button.id = "walletdesk-chat-button";
    button.type = "button";
    button.appendChild(document.createTextNode(""));
    button.style.cssText = "position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;" +
      "padding:12px 20px;background:#0b6bcb;color:#fff;font:600 15px sans-serif;cursor:pointer;" +
      "box-shadow:0 4px 14px rgba(0,0,0,.2)";
    badge = document.createElement("span");
    badge.style.cssText = "display:none;margin-left:8px;background:#c5221f;border-radius:10px;padding:0 7px;font-size:12px";
    button.appendChild(badge);
    applyLang();
    button.addEventListener("click", function () { setOpen(!isOpen); });
    document.body.appendChild(button);
  }

  window.addEventListener("message", function (event) {
    if (!iframe || event.origin !== base || event.source !== iframe.contentWindow) return;
    var data = event.data || {};
    if (data.type === "wd.storage-get") {
      iframe.contentWindow.postMessage({ type: "wd.storage", entries: frameCopyLoad() }, base);
    } else if (data.type === "wd.store" && typeof data.key === "string") {
      frameCopySet(data.key, data.value);
    } else if (data.type === "wd.ready") {
      ready = true;
      post({ type: "wd.visible", visible: isOpen });
      while (outbox.length) iframe.contentWindow.postMessage(outbox.shift(), base);
    } else if (data.type === "wd.close") {
      setOpen(false);
    } else if (data.type === "wd.unread") {
      badge.textContent = String(data.count || "");
      badge.style.display = data.count && !isOpen ? "inline-block" : "none";
    }
  });

  function command(name, args) {
    if (name === "identify") { buildFrame(); post({ type: "wd.identify", token: (args && args.token) || "" }); }
    else if (name === "open") setOpen(true);
    else if (name === "close") setOpen(false);
    else if (name === "locale") { lang = /^en/i.test(args || "") ? "en" : "zh-hans"; applyLang(); post({ type: "wd.locale", locale: lang }); }
  }

  function start() {
    var queued = (window.walletdesk && window.walletdesk.q) || [];
    window.walletdesk = function (name, args) { command(name, args); };
    window.__walletdeskWidget = true;
    buildButton();
    var wasOpen = false;
    try { wasOpen = sessionStorage.getItem(OPEN_KEY) === "1"; } catch (e) { /* storage off */ }
    // Load the frame now when a chat was open in this tab, so unsent messages go out after a reload.
    if (wasOpen) setOpen(true);
    for (var i = 0; i < queued.length; i++) command(queued[i][0], queued[i][1]);
  }

  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
