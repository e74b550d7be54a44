/* embed.js: sizes the iframes of the AI-infrastructure timeline to their
   content. Paste it once per page, after the iframes (the embed code does):

     <iframe src=".../?embed=1&lang=fr" data-ai-race-embed ...></iframe>
     <script src=".../embed.js" async></script>

   Protocol (version 1). The embedded page posts to its parent, whenever its
   content height changes:
     { type: "ai-race:height", version: 1, height: <CSS px>, id: <iframe name> }
   This script may post into the iframe, to get an answer at once:
     { type: "ai-race:request-height", version: 1 }

   Messages are accepted only from the window of an iframe marked
   `data-ai-race-embed` (event.source), from the origin of its `src`, and
   with the right type; anything else is ignored. No dependency, no build
   step, no request of its own. */
(function () {
  "use strict";
  if (window.aiRaceEmbed) {
    window.aiRaceEmbed.refresh();
    return;
  }
  var HEIGHT = "ai-race:height";
  var REQUEST = "ai-race:request-height";
  var MAX_HEIGHT = 100000;

  function frames() {
    return document.querySelectorAll("iframe[data-ai-race-embed]");
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, location.href).origin;
    } catch (error) {
      return null;
    }
  }

  function ask(frame) {
    if (frame.contentWindow) {
      frame.contentWindow.postMessage({ type: REQUEST, version: 1 }, "*");
    }
  }

  function prepare(frame) {
    if (frame.getAttribute("data-ai-race-ready") === "1") {
      return;
    }
    frame.setAttribute("data-ai-race-ready", "1");
    // Set through the CSSOM: allowed under a strict style-src.
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.maxWidth = "100%";
    frame.addEventListener("load", function () {
      ask(frame);
    });
    ask(frame);
  }

  function refresh() {
    var all = frames();
    for (var i = 0; i < all.length; i++) {
      prepare(all[i]);
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== HEIGHT) {
      return;
    }
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) {
      return;
    }
    var all = frames();
    for (var i = 0; i < all.length; i++) {
      var frame = all[i];
      if (frame.contentWindow === event.source && originOf(frame) === event.origin) {
        frame.style.height = Math.ceil(Math.min(height, MAX_HEIGHT)) + "px";
        return;
      }
    }
  });

  window.aiRaceEmbed = { refresh: refresh };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", refresh);
  }
  refresh();
})();
