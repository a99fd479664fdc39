// Wallet panel: copy buttons put the whole address, memo or hash on the clipboard, whatever the panel
// shows of it (a wrapped address, a shortened hash). The panel is swapped in by htmx, possibly more
// than once, so the click handler is bound to the document, and only once.
(function () {
  "use strict";
  if (window.walletdeskWalletPanel) return;
  window.walletdeskWalletPanel = true;

  function fallbackCopy(text) {
    // Plain-HTTP consoles on a LAN host are no secure context: no navigator.clipboard there.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand("copy");
    } finally {
      area.remove();
    }
  }

  function confirm(button) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = button.getAttribute("data-copied");
    button.classList.add("copied");
    clearTimeout(button.walletdeskTimer);
    button.walletdeskTimer = setTimeout(function () {
      button.textContent = label;
      button.classList.remove("copied");
    }, 1500);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) return;
    event.preventDefault();
    var text = button.getAttribute("data-copy");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { confirm(button); },
        function () { if (fallbackCopy(text)) confirm(button); }
      );
    } else if (fallbackCopy(text)) {
      confirm(button);
    }
  });
})();
