/* Send the reader to the site in the first of their browser's languages that we publish.
   The page works without this script: it lists every language. Nothing is stored. */
(function () {
  var links = document.querySelectorAll("a[data-language]");
  var published = {};
  for (var i = 0; i < links.length; i++) {
    published[links[i].getAttribute("data-language")] = links[i].getAttribute("href");
  }
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (var j = 0; j < wanted.length; j++) {
    var tag = String(wanted[j]).toLowerCase();
    var target = published[tag] || published[tag.split("-")[0]];
    if (target) {
      location.replace(target);
      return;
    }
  }
})();
