/* Directory pages: "open now" from the intervals the build wrote (Brussels time, with offsets),
   and, on the directory page, filters by need, city, language spoken and "open now".
   Without JavaScript every entry stays listed and the weekly hours stay readable. Nothing is stored. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "fr";

  function openInfo(element, now) {
    if (element.hasAttribute("data-always-open")) {
      return { open: true, next: null };
    }
    var raw = element.getAttribute("data-open-intervals");
    if (!raw) {
      return null;
    }
    var intervals = JSON.parse(raw);
    var next = null;
    for (var i = 0; i < intervals.length; i++) {
      var start = Date.parse(intervals[i][0]);
      var end = Date.parse(intervals[i][1]);
      if (start <= now && now < end) {
        return { open: true, next: null };
      }
      if (start > now && (next === null || start < next)) {
        next = start;
      }
    }
    if (next === null && intervals.length && Date.parse(intervals[intervals.length - 1][1]) < now) {
      return null; // the build is older than the intervals it carries: say nothing rather than guess
    }
    return { open: false, next: next };
  }

  function when(time) {
    return new Intl.DateTimeFormat(lang, {
      timeZone: "Europe/Brussels", weekday: "long", hour: "2-digit", minute: "2-digit"
    }).format(new Date(time));
  }

  var now = Date.now();
  var badges = document.querySelectorAll("p.parapluie-open[data-open-intervals]");
  for (var b = 0; b < badges.length; b++) {
    var info = openInfo(badges[b], now);
    if (!info) {
      continue;
    }
    var text = info.open ? badges[b].getAttribute("data-open-now") : badges[b].getAttribute("data-closed-now");
    if (!info.open && info.next !== null) {
      text += " · " + badges[b].getAttribute("data-opens").replace("{when}", when(info.next));
    }
    badges[b].textContent = text;
    badges[b].className += info.open ? " parapluie-open--yes" : " parapluie-open--no";
    badges[b].hidden = false;
  }

  var form = document.querySelector("form.parapluie-filters");
  if (!form) {
    return;
  }
  var cards = document.querySelectorAll(".parapluie-card");
  var count = form.querySelector(".parapluie-filters__count");

  function has(card, attribute, value) {
    return !value || (" " + (card.getAttribute(attribute) || "") + " ").indexOf(" " + value + " ") >= 0;
  }

  function apply() {
    var need = form.elements.need.value;
    var city = form.elements.city.value;
    var language = form.elements.language.value;
    var openOnly = form.elements.open.checked;
    var shown = 0;
    var moment = Date.now();
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      var info = openInfo(card, moment);
      var visible = has(card, "data-needs", need) && (!city || card.getAttribute("data-city") === city) &&
        has(card, "data-languages", language) && (!openOnly || (info !== null && info.open));
      card.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    count.textContent = count.getAttribute("data-template").replace("{count}", String(shown));
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
