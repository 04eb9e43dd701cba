/* Thi đua CCHC — search for Vietnamese readers, typed with or without diacritics.
 *
 * Loaded in <head> (overrides/main.html), before Material starts its search worker.
 * The search index holds a folded copy of every entry (generator/site/search_index.py:
 * lower case, no tone or vowel marks, đ → d); this script folds the reader's query the
 * same way on its way to the worker, so "nguyen van an", "NGUYEN VAN AN", "Nguyễn Văn An"
 * (NFC or NFD) and "van an" all find "Nguyễn Văn An". Result previews keep the original
 * text: only the query is changed, never what is shown.
 *
 * Whole words first: Material completes every word ("so" → "so*", which also matches "sở",
 * "sóc", "song" …); each plain word is therefore also sent as an exact term with a boost
 * ("so^10 so"), so that "chu ky so" lists "Chữ ký số" before "chuyên", "sổ", "song".
 * A query using lunr's own syntax (+ - ~ ^ * : or quotes) is only folded.
 *
 * How: Material sends the query as {type: 2 (QUERY), data: "<text>"} with
 * Worker.postMessage (mkdocs-material 9.x, integrations/search/worker/message). The
 * wrapper below folds that one kind of message and passes everything else untouched;
 * the browser tests (tests/browser/) check it end to end after any Material upgrade.
 *
 * A query that only finds near names ("nguyen van anh" → "Nguyễn Văn An") gets a note
 * saying that no result matches it exactly.
 */
(function () {
  "use strict";

  var QUERY = 2;

  function fold(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .normalize("NFC");
  }
  window.thiduaFold = fold;

  var SYNTAX = /[+\-~^*:"]/;
  var WORDS = /[\s,;!?()\[\]\u201c\u201d\/\u2013\u2014.]+/;

  function query(text) {
    var folded = fold(text);
    if (SYNTAX.test(folded)) {
      return folded;
    }
    return folded.split(WORDS).filter(Boolean).map(function (word) {
      return word + "^10 " + word;
    }).join(" ");
  }
  window.thiduaQuery = query;

  // Near matches: "nguyen van anh" also lists "Nguyễn Văn An" (every word is completed).
  // When no result holds the typed words as written (diacritics aside), a note above the
  // results says so, so that a reader does not take another person's result for theirs.
  var NOTE = "thidua-search-note";

  function holdsPhrase(text, phrase) {
    var padded = " " + text.replace(/[^0-9a-z]+/g, " ") + " ";
    return padded.indexOf(" " + phrase + " ") !== -1;
  }

  function checkResults() {
    var input = document.querySelector("input.md-search__input");
    var result = document.querySelector(".md-search-result");
    if (!input || !result) {
      return;
    }
    var phrase = fold(input.value).replace(/[^0-9a-z]+/g, " ").trim();
    var items = result.querySelectorAll(".md-search-result__item");
    var note = result.querySelector("." + NOTE);
    var exact = !phrase || SYNTAX.test(input.value) || !items.length;
    for (var i = 0; !exact && i < items.length; i++) {
      exact = holdsPhrase(fold(items[i].textContent), phrase);
    }
    if (exact) {
      if (note) {
        note.remove();
      }
      return;
    }
    if (!note) {
      note = document.createElement("p");
      note.className = NOTE;
      note.setAttribute("role", "status");
      var meta = result.querySelector(".md-search-result__meta");
      result.insertBefore(note, meta ? meta.nextSibling : result.firstChild);
    }
    note.textContent = "Không có kết quả trùng khớp với “" + input.value.trim() +
      "”. Các kết quả dưới đây chỉ gần giống: kiểm tra kỹ họ tên trước khi xem.";
  }

  function watchResults() {
    var list = document.querySelector(".md-search-result__list");
    var input = document.querySelector("input.md-search__input");
    if (!list || typeof MutationObserver !== "function") {
      return;
    }
    new MutationObserver(checkResults).observe(list, { childList: true, subtree: true });
    if (input) {
      input.addEventListener("input", checkResults);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchResults);
  } else {
    watchResults();
  }

  var Native = window.Worker;
  if (typeof Native !== "function") {
    return;
  }

  function FoldingWorker(url, options) {
    var worker = new Native(url, options);
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === QUERY && typeof message.data === "string") {
        args[0] = { type: message.type, data: query(message.data) };
      }
      return post.apply(worker, args);
    };
    return worker;
  }
  FoldingWorker.prototype = Native.prototype;
  window.Worker = FoldingWorker;
})();
