/* Thi đua CCHC — tables a reader can work with (progressive enhancement: without this
 * script every table is complete and readable).
 *
 * - Sorting: tablesort (vendored from npm) on every table[data-sortable]. Each column
 *   header names its method: "number" sorts by the cell's data-sort (people by Vietnamese
 *   name order computed at build time, departments by their configured order, ranks,
 *   ratios), "vi" by Vietnamese collation of the text, "none" not at all.
 * - Filtering: each page's <div data-thidua-filter> becomes a labelled search box that
 *   hides the rows of the page's table[data-filterable] tables in which the typed text does
 *   not appear at the start of a word, ignoring case and diacritics ("dang thi" matches
 *   "Đặng Thị Thùy Dung", "thu ha" matches "Nguyễn Thị Thu Hà" but not "Thuận, Hạnh");
 *   sections left without a row are hidden too, and a live status says how many rows are
 *   shown. With no row left, the page's .thidua-filter__none note (where else to look) is
 *   shown. A "Xóa" button empties the box; ?q=… in the address fills it (the home page's
 *   name look-up leads here when scripts are off).
 * - Name look-up (home page): the form opens the site search with the typed name.
 */
(function () {
  "use strict";

  function fold(text) {
    if (window.thiduaFold) {
      return window.thiduaFold(text);
    }
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }

  var collator = typeof Intl !== "undefined"
    ? new Intl.Collator("vi", { numeric: true, sensitivity: "base" })
    : null;

  function setupSorting(root) {
    if (typeof window.Tablesort !== "function") {
      return;
    }
    if (!window.Tablesort.thiduaVi) {
      // tablesort's convention: sort(a, b) > 0 puts a before b once reversed.
      window.Tablesort.extend("vi", function () { return false; }, function (a, b) {
        return collator ? collator.compare(b, a) : (a < b ? 1 : a > b ? -1 : 0);
      });
      window.Tablesort.thiduaVi = true;
    }
    var tables = root.querySelectorAll("table[data-sortable]");
    for (var i = 0; i < tables.length; i++) {
      if (!tables[i].hasAttribute("data-thidua-sorted")) {
        tables[i].setAttribute("data-thidua-sorted", "");
        new window.Tablesort(tables[i]);
      }
    }
  }

  var counter = 0;

  // True when `phrase` occurs in `text` right after a space or punctuation.
  function startsAWord(text, phrase) {
    for (var at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
      if (at === 0 || !/[0-9a-z]/.test(text.charAt(at - 1))) {
        return true;
      }
    }
    return false;
  }

  function setupFilter(box) {
    if (box.hasAttribute("data-ready")) {
      return;
    }
    box.setAttribute("data-ready", "");
    var scope = box.closest(".thidua-page") || document;
    var rows = Array.prototype.slice.call(
      scope.querySelectorAll("table[data-filterable] > tbody > tr")
    );
    if (!rows.length) {
      return;
    }
    var texts = rows.map(function (row) {
      return " " + fold(row.textContent).replace(/\s+/g, " ");
    });
    var id = "thidua-filter-" + (++counter);

    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = box.getAttribute("data-label") || "Lọc bảng";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "thidua-filter__input";
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "thidua-filter__clear";
    clear.textContent = "Xóa";
    clear.setAttribute("aria-label", "Xóa nội dung lọc");
    var row = document.createElement("div");
    row.className = "thidua-filter__row";
    row.appendChild(input);
    row.appendChild(clear);
    var status = document.createElement("p");
    status.className = "thidua-filter__status";
    status.setAttribute("role", "status");
    var none = box.querySelector(".thidua-filter__none");
    box.appendChild(label);
    box.appendChild(row);
    box.appendChild(status);
    if (none) {
      box.appendChild(none);
    }
    var asked = none ? none.querySelector(".thidua-filter__query") : null;

    function update() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var phrase = words.join(" ");
      var shown = 0;
      rows.forEach(function (row, n) {
        var match = !phrase || startsAWord(texts[n], phrase);
        row.hidden = !match;
        if (match) {
          shown++;
        }
      });
      var groups = scope.querySelectorAll(".thidua-group, .thidua-table");
      for (var g = 0; g < groups.length; g++) {
        var all = groups[g].querySelectorAll("table[data-filterable] > tbody > tr");
        if (!all.length) {
          continue;
        }
        var visible = groups[g].querySelectorAll(
          "table[data-filterable] > tbody > tr:not([hidden])"
        );
        groups[g].hidden = words.length > 0 && visible.length === 0;
      }
      status.textContent = words.length
        ? "Đang hiển thị " + shown + " trên " + rows.length + " dòng."
        : "Có " + rows.length + " dòng.";
      if (none) {
        none.hidden = !(words.length && shown === 0);
        if (asked) {
          asked.textContent = input.value.trim();
        }
      }
    }
    input.addEventListener("input", update);
    clear.addEventListener("click", function () {
      input.value = "";
      update();
      input.focus();
    });
    var given = new URLSearchParams(window.location.search).get("q");
    if (given) {
      input.value = given;
    }
    update();
  }

  // The home page's name look-up: open Material's search with the name. Without Material's
  // search (or without scripts) the form goes to the results page, whose filter reads ?q=.
  function setupLookup(form) {
    if (form.hasAttribute("data-ready")) {
      return;
    }
    form.setAttribute("data-ready", "");
    form.addEventListener("submit", function (event) {
      var toggle = document.getElementById("__search");
      var query = document.querySelector("input.md-search__input");
      var name = form.querySelector("input").value.trim();
      if (!toggle || !query || !name) {
        return;
      }
      event.preventDefault();
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      query.value = name;
      query.focus();
      query.dispatchEvent(new Event("input"));
      query.dispatchEvent(new KeyboardEvent("keyup", { key: "End" }));
    });
  }

  function setup() {
    setupSorting(document);
    var boxes = document.querySelectorAll("[data-thidua-filter]");
    for (var i = 0; i < boxes.length; i++) {
      setupFilter(boxes[i]);
    }
    var forms = document.querySelectorAll("form[data-thidua-lookup]");
    for (var k = 0; k < forms.length; k++) {
      setupLookup(forms[k]);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup); // Material: also after instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
