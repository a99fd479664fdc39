/* Help-center suggestions for any input or textarea with data-help-suggest (portal, ticket form,
   chat widget). Shows the best articles as the customer types, logs the search once typing pauses
   (for the editors' gap report) and counts clicks and deflections. No dependencies. */
(function () {
  "use strict";
  var API = "/api/v1/help";

  function post(url, body) {
    return fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body || {})});
  }

  // The server's snippet (the same one the results page shows) with its matched words in <mark>:
  // text nodes only, so nothing in an article or a query is ever read as HTML.
  function snippet(el, text, marks) {
    var last = 0;
    marks.forEach(function (m) {
      if (m[0] < last || m[1] > text.length) return;
      el.appendChild(document.createTextNode(text.slice(last, m[0])));
      var mark = document.createElement("mark"); mark.textContent = text.slice(m[0], m[1]);
      el.appendChild(mark); last = m[1];
    });
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  function render(target, results, searchId) {
    target.textContent = "";
    if (!results.length) return;
    var list = document.createElement("ul");
    list.className = "help-suggestions";
    results.forEach(function (hit) {
      var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("div");
      a.href = hit.url; a.textContent = hit.title; a.target = "_blank"; a.rel = "noopener";
      a.addEventListener("click", function () { if (searchId()) post(API + "/searches/" + searchId() + "/click", {slug: hit.slug}); });
      p.className = "muted small help-snippet"; snippet(p, hit.snippet, hit.marks || []);
      li.appendChild(a); li.appendChild(p); list.appendChild(li);
    });
    target.appendChild(list);
  }

  function attach(input) {
    var target = document.querySelector(input.dataset.target) || input.parentNode.appendChild(document.createElement("div"));
    var locale = input.dataset.locale || "", source = input.dataset.source || "widget";
    var typing = null, idle = null, seq = 0, tracked = "";
    input._helpSearchId = null;
    function query(track) {
      var q = input.value.trim(), mine = ++seq;
      if (q.length < 2) { render(target, [], null); input.dispatchEvent(new CustomEvent("help:suggestions", {detail: {results: []}})); return; }
      var url = API + "/search?limit=5&q=" + encodeURIComponent(q) + (locale ? "&locale=" + locale : "") +
        (track ? "&track=true&source=" + source : "");
      fetch(url).then(function (r) { return r.ok ? r.json() : {results: []}; }).then(function (data) {
        if (mine !== seq && !track) return;  // a newer keystroke already answered
        if (track) { input._helpSearchId = data.search_id; tracked = q; }
        render(target, data.results, function () { return input._helpSearchId; });
        input.dispatchEvent(new CustomEvent("help:suggestions", {detail: {results: data.results}}));
      });
    }
    input.addEventListener("input", function () {
      clearTimeout(typing); clearTimeout(idle);
      typing = setTimeout(function () { query(false); }, 150);
      idle = setTimeout(function () { if (input.value.trim() !== tracked) query(true); }, 1200);
    });
    if (input.value.trim()) query(true);
  }

  window.WalletdeskHelp = {
    attach: attach,
    deflect: function (input) {
      var go = function () { return input._helpSearchId ? post(API + "/searches/" + input._helpSearchId + "/deflect") : Promise.resolve(); };
      if (input._helpSearchId) return go();
      return fetch(API + "/search?limit=5&track=true&source=ticket_form&q=" + encodeURIComponent(input.value.trim()))
        .then(function (r) { return r.json(); }).then(function (d) { input._helpSearchId = d.search_id; return go(); });
    }
  };
  document.querySelectorAll("[data-help-suggest]").forEach(attach);
})();
