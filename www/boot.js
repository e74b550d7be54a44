/* Starts the app. A classic script in <head>, loaded from a file so that the
   page needs no inline script under a strict Content-Security-Policy.

   Before the app runs it sets two classes on <html>: `embed` when the page
   is embedded (`?embed=1`, read as src/state/url.rs reads it) and `js` when
   the app can start (scripts and WebAssembly on). With `js`, the stylesheet
   shows the loading state; without it, the static version of the story
   written into index.html at build time. If the app fails to load, `js` is
   removed again so that the static version shows.

   Trunk writes this script's tag (Trunk.toml `pattern_script`) with the
   hashed names of the wasm-bindgen glue and the wasm. The single-file build
   inlines this script without them and starts the app itself, calling
   `window.aiRaceStartFailed` if that fails. */
(function () {
  "use strict";
  var root = document.documentElement;
  var embed = new URLSearchParams(location.search).get("embed");
  if (embed !== null && /^(|1|true|yes)$/i.test(embed)) {
    root.classList.add("embed");
  }
  if (typeof WebAssembly !== "object") {
    return;
  }
  root.classList.add("js");

  function fail(error) {
    root.classList.remove("js");
    console.error("The interactive timeline could not start; showing the static version.", error);
  }
  window.aiRaceStartFailed = fail;

  // When the app is ready (it sets #app[data-state]): a performance mark
  // for the tests and for anyone measuring the page.
  var watcher = new MutationObserver(function () {
    var app = document.getElementById("app");
    if (app && app.getAttribute("data-state") === "ready") {
      watcher.disconnect();
      if (window.performance && performance.mark) {
        performance.mark("ai-race:ready");
      }
    }
  });
  watcher.observe(root, { subtree: true, attributes: true, attributeFilter: ["data-state"] });

  // A `?data=` file of this site is requested now, while the wasm downloads
  // and compiles, instead of after the app starts; the app takes the
  // response over (`fetch_bytes` in src/components/browser.rs) and still
  // checks the address itself. Any other address is left to the app, which
  // refuses it with a message.
  var data = new URLSearchParams(location.search).get("data");
  if (data && /^https?:$/.test(location.protocol)) {
    try {
      var address = new URL(data, location.href);
      if (address.origin === location.origin) {
        var response = fetch(address.href, { credentials: "same-origin" });
        response.catch(function () {});
        window.aiRacePrefetch = { url: address.href, response: response };
      }
    } catch (error) {
      // Not an address: the app says so.
    }
  }

  var script = document.currentScript;
  var glue = script && script.getAttribute("data-js");
  var wasm = script && script.getAttribute("data-wasm");
  if (!glue || !wasm) {
    return;
  }
  // The app mounts into #app: start it once the page is parsed. The wasm
  // download starts earlier, from Trunk's preload link.
  var parsed = new Promise(function (resolve) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", resolve, { once: true });
    } else {
      resolve();
    }
  });
  Promise.all([import(glue), parsed])
    .then(function (loaded) {
      return loaded[0].default({ module_or_path: wasm });
    })
    .catch(fail);
})();
