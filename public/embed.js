/*!
 * Sage 50 push setup: the client's wizard inside your page. No dependencies.
 *
 *   <script src="https://<this app>/embed.js" defer></script>
 *   const handle = SagePushSetup.open({
 *     url: setupLink.url,               // or token: "<setup link token>"
 *     onReady(event) {}, onEvent(event) {}, onSuccess(event) {}, onExit(event) {},
 *   });
 *   handle.close();
 *
 * Events: ready, step_viewed, step_completed, test_push_started, test_push_finished (outcome),
 * push_enabled (also onSuccess), exit. Each is { type, setupId, companyId, step?, outcome? }.
 * Only messages from this app's origin, from the wizard's own frame, are read. API version 1: a change
 * that breaks it would be published under another file name.
 */
(function () {
  "use strict";
  if (window.SagePushSetup) return;
  var script = document.currentScript;
  var appOrigin = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;
  var SOURCE = "sage-push-setup";
  var HEX = /^#[0-9a-f]{6}$/i;
  var current = null;

  function wizardUrl(options) {
    var url;
    if (options.url) {
      url = new URL(options.url, appOrigin);
      if (url.origin !== appOrigin) throw new Error("SagePushSetup: the setup link must be on " + appOrigin);
    } else if (options.token) {
      url = new URL("/s/" + encodeURIComponent(options.token), appOrigin);
    } else {
      throw new Error("SagePushSetup.open needs a url or a token");
    }
    url.searchParams.set("embedOrigin", window.location.origin);
    return url.toString();
  }

  function el(tag, styles, attrs) {
    var node = document.createElement(tag);
    Object.assign(node.style, styles || {});
    for (var name in attrs || {}) node.setAttribute(name, attrs[name]);
    return node;
  }

  function call(fn, event) {
    if (typeof fn !== "function") return;
    try {
      fn(event);
    } catch (err) {
      setTimeout(function () { throw err; });
    }
  }

  function open(options) {
    options = options || {};
    if (current) current.close();
    var src = wizardUrl(options);
    var opener = document.activeElement;
    var lastStep = null;
    var setupId = null;
    var closed = false;

    var overlay = el("div", { position: "fixed", inset: "0", zIndex: "2147483000", background: "rgba(15,23,42,0.6)", display: "flex", alignItems: "center", justifyContent: "center", padding: "16px" });
    var titleId = "sage-push-setup-title-" + Math.random().toString(36).slice(2);
    var dialog = el("div", { background: "#fff", borderRadius: "12px", width: "min(1100px, 100%)", height: "min(860px, 100%)", display: "flex", flexDirection: "column", overflow: "hidden", boxShadow: "0 20px 50px rgba(0,0,0,0.35)", borderTop: "6px solid #174bb0" }, { role: "dialog", "aria-modal": "true", "aria-labelledby": titleId });
    var header = el("div", { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "12px", padding: "10px 16px", borderBottom: "1px solid #e2e8f0", font: "600 16px/1.4 system-ui, sans-serif", color: "#0f172a" });
    var title = el("h2", { margin: "0", font: "inherit" }, { id: titleId });
    title.textContent = "Set up Sage 50";
    var closeButton = el("button", { font: "600 15px/1 system-ui, sans-serif", padding: "10px 14px", borderRadius: "8px", border: "1px solid #94a3b8", background: "#fff", color: "#0f172a", cursor: "pointer" }, { type: "button", "aria-label": "Close the Sage 50 setup" });
    closeButton.textContent = "Close";
    var frame = el("iframe", { flex: "1", width: "100%", border: "0" }, { src: src, title: "Sage 50 push setup", allow: "clipboard-write" });
    var startGuard = el("span", {}, { tabindex: "0" });
    var endGuard = el("span", {}, { tabindex: "0" });
    header.appendChild(title);
    header.appendChild(closeButton);
    dialog.appendChild(startGuard);
    dialog.appendChild(header);
    dialog.appendChild(frame);
    dialog.appendChild(endGuard);
    overlay.appendChild(dialog);

    var root = document.documentElement;
    var previousOverflow = root.style.overflow;
    root.style.overflow = "hidden";

    function onKey(event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close("escape");
      }
    }
    function onFocusIn(event) {
      // Focus trapped: leaving the dialog (Tab past either end) comes back to it.
      if (event.target === startGuard) frame.focus();
      else if (event.target === endGuard || !dialog.contains(event.target)) closeButton.focus();
    }
    function onMessage(event) {
      if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || data.source !== SOURCE || typeof data.type !== "string") return;
      var payload = { type: data.type, setupId: data.setupId, companyId: data.companyId };
      if (typeof data.step === "string") payload.step = data.step;
      if (typeof data.outcome === "string") payload.outcome = data.outcome;
      if (typeof data.reason === "string") payload.reason = data.reason;
      if (data.setupId) setupId = data.setupId;
      if (payload.step) lastStep = payload.step;
      if (data.type === "ready") brand(data.brand);
      call(options.onEvent, payload);
      if (data.type === "ready") call(options.onReady, payload);
      if (data.type === "push_enabled") call(options.onSuccess, payload);
      if (data.type === "exit") close(data.reason || "wizard");
    }
    function brand(b) {
      if (!b) return;
      if (typeof b.integratorName === "string" && b.integratorName) title.textContent = b.integratorName + ": set up Sage 50";
      if (typeof b.primaryColour === "string" && HEX.test(b.primaryColour)) dialog.style.borderTopColor = b.primaryColour;
    }
    function close(reason) {
      if (closed) return;
      closed = true;
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("focusin", onFocusIn, true);
      window.removeEventListener("message", onMessage);
      // Focus goes back first (a focused iframe being removed would leave it on the body), then again
      // once the removal has settled.
      var giveBack = function () {
        if (opener && typeof opener.focus === "function" && document.activeElement !== opener) opener.focus();
      };
      giveBack();
      overlay.remove();
      root.style.overflow = previousOverflow;
      current = null;
      setTimeout(giveBack, 0);
      var exit = { type: "exit", setupId: setupId, companyId: setupId, reason: typeof reason === "string" ? reason : "closed" };
      if (lastStep) exit.step = lastStep;
      call(options.onExit, exit);
    }

    closeButton.addEventListener("click", function () { close("closed"); });
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("focusin", onFocusIn, true);
    window.addEventListener("message", onMessage);
    document.body.appendChild(overlay);
    closeButton.focus();
    current = { close: function () { close("closed"); } };
    return current;
  }

  window.SagePushSetup = { version: "1", open: open };
})();
