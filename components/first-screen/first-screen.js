/* The full stylesheet arrives as media="print", so it never blocks the first paint (the page's
   inline <style> styles the first screen): switched to every medium as soon as this deferred
   script runs. CSP allows no inline handler (onload), so the switch is here. */
(function () {
  "use strict";
  var links = document.querySelectorAll("link[data-parapluie-css]");
  for (var i = 0; i < links.length; i++) {
    links[i].media = "all";
  }
})();
