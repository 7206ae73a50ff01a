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
    if (!toggle.checked) {
      toggle.checked = true;
      lockScroll(true);
    }
    load();
  });
  // While search covers a phone's screen, the page under it must not scroll (the theme's
  // stylesheet fixes <body> when it carries data-md-scrolllock); closing puts the reader back.
  var scrolled = 0;
  function lockScroll(locked) {
    var body = document.body;
    if (locked && !body.hasAttribute("data-md-scrolllock")) {
      scrolled = window.scrollY;
      body.style.top = -scrolled + "px";
      body.setAttribute("data-md-scrolllock", "");
    } else if (!locked && body.hasAttribute("data-md-scrolllock")) {
      body.removeAttribute("data-md-scrolllock");
      body.style.top = "";
      window.scrollTo(0, scrolled);
    }
  }

  toggle.addEventListener("change", function () {
    lockScroll(toggle.checked);
    if (toggle.checked) {
      load();
      input.focus({ preventScroll: true });
    }
  });
})();
