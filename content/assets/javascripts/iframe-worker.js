/* Thi đua CCHC — Web Worker stand-in for pages opened from disk (the offline bundle).
 *
 * Browsers refuse `new Worker()` for file:// pages, and Material for MkDocs runs its search
 * in a worker. Over file:// this replaces `window.Worker` with IFrameWorker, which runs the
 * worker script in a hidden same-origin iframe: the idea of the `iframe-worker` package
 * (MIT, Martin Donath) that Material's offline plugin loads from a CDN, rewritten so that it
 * needs no inline script — the site's Content-Security-Policy allows only the site's own
 * script files — and nothing from the network. Material's worker recognises it
 * (`"IFrameWorker" in parent`) and loads its language files next to its own script.
 * Over http(s) this file does nothing. Its name must contain "iframe-worker": that is how
 * Material's offline plugin knows the shim is already there (mkdocs.yml extra.polyfills).
 */
(function () {
  "use strict";

  if (location.protocol !== "file:" || typeof EventTarget !== "function") {
    return;
  }

  function load(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("cannot load " + url));
      };
      doc.body.appendChild(script);
    });
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      this.url = String(url);
      this.onmessage = null;
      this.onerror = null;
      var iframe = document.createElement("iframe");
      iframe.hidden = true;
      iframe.title = "search";
      iframe.tabIndex = -1;
      iframe.setAttribute("aria-hidden", "true");
      document.body.appendChild(iframe);
      this.iframe = iframe;
      var scope = iframe.contentWindow;
      // The worker's globals: postMessage answers the page, importScripts loads in order.
      scope.postMessage = function (data) {
        var event = new MessageEvent("message", { data: structuredClone(data) });
        worker.dispatchEvent(event);
        if (typeof worker.onmessage === "function") {
          worker.onmessage(event);
        }
      };
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, next) {
          return done.then(function () {
            return load(scope.document, next);
          });
        }, Promise.resolve());
      };
      this.ready = load(scope.document, this.url).catch(function (error) {
        var event = new ErrorEvent("error", { message: String(error), error: error });
        worker.dispatchEvent(event);
        if (typeof worker.onerror === "function") {
          worker.onerror(event);
        }
        throw error;
      });
    }

    postMessage(data) {
      var scope = this.iframe.contentWindow;
      var copy = structuredClone(data);
      this.ready.then(function () {
        scope.dispatchEvent(new scope.MessageEvent("message", { data: copy }));
      }, function () {});
    }

    terminate() {
      this.iframe.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
