// Rewrites <time datetime="…Z" data-local="datetime|seconds|short"> to the reader's local time,
// in the page's language (Intl.DateTimeFormat). The server's own text (with its zone) stays when
// scripts are off. Newly swapped-in content (htmx, live panels) is handled too: call
// window.walletdeskLocalTime(root) after inserting elements, or rely on the mutation observer.
(function () {
  "use strict";
  var lang = document.documentElement.lang || undefined;
  var styles = {
    datetime: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
    seconds: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" },
    short: { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
    time: { hour: "2-digit", minute: "2-digit" },
  };
  var formats = {};
  function format(style) {
    if (!formats[style]) {
      var opts = Object.assign({ timeZoneName: "short", hourCycle: "h23" }, styles[style] || styles.datetime);
      try {
        formats[style] = new Intl.DateTimeFormat(lang, opts);
      } catch (e) {
        formats[style] = new Intl.DateTimeFormat(undefined, opts);
      }
    }
    return formats[style];
  }
  function rewrite(el) {
    var stamp = el.getAttribute("datetime");
    var when = stamp ? new Date(stamp) : null;
    if (!when || isNaN(when.getTime())) return;
    if (!el.title) el.title = el.textContent;  // the server's text, zone included
    el.textContent = format(el.getAttribute("data-local")).format(when);
    el.setAttribute("data-localized", "1");
  }
  function run(root) {
    var scope = root && root.querySelectorAll ? root : document;
    if (scope.matches && scope.matches("time[data-local]")) rewrite(scope);
    scope.querySelectorAll("time[data-local]:not([data-localized])").forEach(rewrite);
  }
  window.walletdeskLocalTime = run;
  function start() {
    run(document);
    if (window.MutationObserver) {
      new MutationObserver(function (changes) {
        changes.forEach(function (c) {
          c.addedNodes.forEach(function (n) { if (n.nodeType === 1) run(n); });
        });
      }).observe(document.body, { childList: true, subtree: true });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
