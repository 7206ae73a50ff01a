/* Search stays unloaded until the reader opens it: focusing the search box (or the phone's
   search button) loads the search script, which then fetches this language's index.
   Nothing is fetched on a page view, nothing is stored. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  var input = document.querySelector(".md-search__input");
  var toggle = document.getElementById("__search");
  if (!input || !toggle) {
    return;
  }
  var script = document.currentScript;
  var base = script ? script.src : document.baseURI;
  var loading = false;

  function load() {
    if (loading) {
      return;
    }
    loading = true;
    var element = document.createElement("script");
    element.src = new URL("@@PARAPLUIE_SEARCH_SCRIPT@@", base).href;
    document.head.appendChild(element);
  }

  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load();
      input.focus();
    }
  });
})();
