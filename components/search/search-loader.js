/* Search stays unloaded until the reader opens it: the header's search button (a tap, or Enter
   or Space on it) loads search's stylesheet and script together; the script builds the dialog
   in the page's empty search box, which shows once both have loaded (never unstyled), then
   fetches this language's index. Nothing is fetched on a page view, nothing is stored. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  var box = document.querySelector(".md-search");
  var toggle = document.getElementById("__search");
  var label = document.querySelector(".md-header__button[for=__search]");
  if (!box || !toggle || !label) {
    return;
  }
  var script = document.currentScript;
  var base = script ? script.src : document.baseURI;
  var loading = false;

  // The header's <label> (the theme's, shown in the first paint) takes no focus: a real button, with the
  // same class, attribute and icon (so the same rules style it) and a name, takes its place.
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.setAttribute("for", "__search");
  button.setAttribute("aria-label", box.getAttribute("data-label"));
  while (label.firstChild) {
    button.appendChild(label.firstChild);
  }
  label.replaceWith(button);
  button.addEventListener("click", function () {
    toggle.checked = !toggle.checked;
    toggle.dispatchEvent(new Event("change"));
  });

  function focusInput() {
    var input = box.querySelector(".md-search__input");
    if (input && toggle.checked && !box.hidden) {
      input.focus({ preventScroll: true });
    }
  }

  // The stylesheet and the script, fetched at once; the box shows when both are there (one round
  // trip: on a slow network the button stays dimmed meanwhile). If either fails (no network),
  // search closes and the next opening tries again (the failed attempt's count never reaches zero;
  // search.js builds the dialog only once).
  function load() {
    if (loading) {
      return;
    }
    loading = true;
    button.style.opacity = ".5";
    var pending = 2;
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("@@PARAPLUIE_SEARCH_STYLESHEET@@", base).href;
    var code = document.createElement("script");
    code.src = new URL("@@PARAPLUIE_SEARCH_SCRIPT@@", base).href;
    [sheet, code].forEach(function (part) {
      part.onload = function () {
        pending -= 1;
        if (pending === 0) {
          button.style.opacity = "";
          box.hidden = false;
          focusInput();
        }
      };
      part.onerror = function () {
        loading = false;
        button.style.opacity = "";
        toggle.checked = false;
        lockScroll(false);
      };
      document.head.appendChild(part);
    });
  }

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
      focusInput();
    }
  });
})();
