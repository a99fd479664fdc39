// Switching the language reloads the page: what the customer had typed into the page's forms is
// kept in sessionStorage (this tab only, gone when it closes) for that one reload and put back.
// Passwords, hidden fields and files are never kept; the secret shield still sees what is sent.
(function () {
  "use strict";
  var KEY = "wd-draft:" + location.pathname + location.search;
  var SKIP = { hidden: 1, password: 1, file: 1, submit: 1, button: 1 };

  function fields() {
    var out = [];
    document.querySelectorAll('form[method="post"]:not([action="/i18n/setlang/"])').forEach(function (form, f) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && !SKIP[el.type] && el.name !== "csrfmiddlewaretoken") out.push([f, el]);
      });
    });
    return out;
  }

  document.addEventListener("change", function (event) {
    // Capture phase: runs before the switch's own onchange submits the form.
    if (!event.target.closest || !event.target.closest('form[action="/i18n/setlang/"]')) return;
    var saved = fields().map(function (pair) {
      var el = pair[1];
      return [pair[0], el.name, el.type === "radio" || el.type === "checkbox" ? el.checked : el.value, el.value];
    });
    try { sessionStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) { /* storage off: nothing kept */ }
  }, true);

  document.addEventListener("DOMContentLoaded", function () {
    var raw = null;
    try { raw = sessionStorage.getItem(KEY); sessionStorage.removeItem(KEY); } catch (e) { return; }
    if (!raw) return;
    var saved = JSON.parse(raw);
    fields().forEach(function (pair) {
      var el = pair[1];
      saved.forEach(function (s) {
        if (s[0] !== pair[0] || s[1] !== el.name) return;
        if (el.type === "radio" || el.type === "checkbox") { if (s[3] === el.value) el.checked = s[2]; }
        else if (!el.value || el.tagName === "SELECT") el.value = s[2];
      });
    });
  });
})();
