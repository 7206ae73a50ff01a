/* Directory pages, from the intervals the build wrote (parapluie/directory/compact.py):
   - each card shows today's hours, and "open now" only where the hours are confirmed;
   - an entry page says "open now" (only confirmed hours carry the intervals);
   - the directory page answers "What do you need?", "Where?" and "Open today" in place, each
     service once; when nothing matches or nothing is open, it says when the next one opens and
     shows the lines that answer 24/7.
   The page is built as this script shows it (the finder, the count), so the first paint does not
   move when it runs. Without JavaScript the need links lead to one page per need (a <noscript>
   style swaps them for the finder), and the weekly hours stay readable. Nothing is stored. */
(function () {
  "use strict";
  // In the shared script (one request for the next page, issue #16): most pages have nothing for it.
  if (!document.querySelector("form.parapluie-finder, [data-times]")) {
    return;
  }
  var lang = document.documentElement.lang || "fr";
  var ZONE = "Europe/Brussels";
  var dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
  var timeFormat = new Intl.DateTimeFormat(lang, { timeZone: ZONE, hour: "2-digit", minute: "2-digit" });

  // [[start, end], …] in milliseconds from "gap length gap length…" (base-36 minutes, each gap from the
  // previous end, the first from 1970).
  function intervalsOf(element) {
    var numbers = (element.getAttribute("data-times") || "").split(" ");
    var intervals = [], end = 0;
    for (var i = 0; i + 1 < numbers.length; i += 2) {
      var start = end + parseInt(numbers[i], 36) * 60000;
      end = start + parseInt(numbers[i + 1], 36) * 60000;
      intervals.push([start, end]);
    }
    return intervals;
  }

  function dayOf(time) {
    return dayFormat.format(new Date(time));
  }

  function timeOf(time) {
    return timeFormat.format(new Date(time));
  }

  // {open, next}: open at `now`, and the next opening; null when the build is too old to tell.
  function openInfo(element, now) {
    if (element.hasAttribute("data-always-open")) {
      return { open: true, next: null };
    }
    var intervals = intervalsOf(element);
    if (!intervals.length) {
      return null;
    }
    var next = null;
    for (var i = 0; i < intervals.length; i++) {
      var start = intervals[i][0];
      var end = intervals[i][1];
      if (start <= now && now < end) {
        return { open: true, next: null };
      }
      if (start > now && (next === null || start < next)) {
        next = start;
      }
    }
    if (next === null && intervals[intervals.length - 1][1] < now) {
      return null; // the build is older than the intervals it carries: say nothing rather than guess
    }
    return { open: false, next: next };
  }

  // Today's opening ranges in Brussels, as text ("10:00–16:00"); [] when closed; null when unknown.
  function todayRanges(element, now) {
    var intervals = intervalsOf(element);
    if (!intervals.length) {
      return null;
    }
    var today = dayOf(now);
    if (dayOf(intervals[intervals.length - 1][1]) < today) {
      return null;
    }
    var ranges = [];
    for (var i = 0; i < intervals.length; i++) {
      var startDay = dayOf(intervals[i][0]);
      var endDay = dayOf(intervals[i][1]);
      // An interval that ends at today's midnight is yesterday's.
      if (startDay > today || dayOf(intervals[i][1] - 1) < today) {
        continue;
      }
      var from = startDay === today ? timeOf(intervals[i][0]) : "00:00";
      var to = endDay === today ? timeOf(intervals[i][1]) : "24:00";
      ranges.push(from + "–" + to);
    }
    return ranges;
  }

  function when(time) {
    return new Intl.DateTimeFormat(lang, {
      timeZone: ZONE, weekday: "long", hour: "2-digit", minute: "2-digit"
    }).format(new Date(time));
  }

  function statusText(holder, info) {
    var text = info.open ? holder.getAttribute("data-open-now") : holder.getAttribute("data-closed-now");
    if (!info.open && info.next !== null) {
      text += " · " + holder.getAttribute("data-opens").replace("{when}", when(info.next));
    }
    return text;
  }

  var now = Date.now();

  // Entry pages: the badge exists only for confirmed hours.
  var badges = document.querySelectorAll("p.parapluie-open[data-times]");
  for (var b = 0; b < badges.length; b++) {
    var info = openInfo(badges[b], now);
    if (!info) {
      continue;
    }
    badges[b].textContent = statusText(badges[b], info);
    badges[b].className += info.open ? " parapluie-open--yes" : " parapluie-open--no";
    badges[b].hidden = false;
  }

  // Cards: today's hours in place of the week; "open now" only for confirmed hours.
  function showToday(card, moment) {
    var list = card.parentNode;
    var week = card.querySelector(".parapluie-card__week");
    var ranges = todayRanges(card, moment);
    if (!week || ranges === null) {
      return;
    }
    var line = ranges.length ? list.getAttribute("data-today").replace("{hours}", ranges.join(", "))
      : list.getAttribute("data-closed-today");
    var confirmed = card.hasAttribute("data-hours-confirmed");
    if (confirmed) {
      var info = openInfo(card, moment);
      if (info) {
        line += " · " + statusText(list, info);
      }
    }
    week.textContent = line;
    week.className += confirmed ? "" : " parapluie-card__week--unconfirmed";
  }

  var allCards = document.querySelectorAll(".parapluie-card");
  for (var c = 0; c < allCards.length; c++) {
    showToday(allCards[c], now);
  }

  var form = document.querySelector("form.parapluie-finder");
  if (!form) {
    return;
  }
  var cards = document.querySelectorAll(".parapluie-cards .parapluie-card");
  var count = document.querySelector(".parapluie-finder__count");
  var help = document.querySelector(".parapluie-finder__help");
  var nextLine = document.querySelector(".parapluie-finder__next");
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  // "{count} services" in the language's plural form: one text per CLDR category (data-count-one…).
  function countText(number) {
    var text = plurals && count.getAttribute("data-count-" + plurals.select(number));
    return (text || count.getAttribute("data-count-other")).replace("{count}", String(number));
  }

  function has(card, attribute, value) {
    return !value || (" " + (card.getAttribute(attribute) || "") + " ").indexOf(" " + value + " ") >= 0;
  }

  function inPlace(card, place) {
    if (!place) {
      return true;
    }
    var region = card.getAttribute("data-region");
    if (region === "national") {
      return true; // a line or a website answers wherever the reader is
    }
    if (place.indexOf("city:") === 0) {
      return card.getAttribute("data-city") === place.slice(5);
    }
    return place === "region:" + region;
  }

  // Unknown hours are not "closed": such a service stays listed, its card says the hours are unknown.
  function hoursUnknown(card, moment) {
    return !card.hasAttribute("data-always-open") && todayRanges(card, moment) === null;
  }

  function openToday(card, moment) {
    if (card.hasAttribute("data-always-open")) {
      return true;
    }
    var ranges = todayRanges(card, moment);
    return ranges !== null && ranges.length > 0;
  }

  function nameOf(card) {
    return card.querySelector(".parapluie-card__name").textContent;
  }

  var list = document.querySelector(".parapluie-cards");
  var order = Array.prototype.slice.call(cards);

  // The lines that answer 24/7, shown under the results when nothing is open: their name and their
  // first contact (with its "to be confirmed"), copied from their cards (the page carries them once).
  var always = help.querySelector(".parapluie-always");
  for (var a = 0; always && a < order.length; a++) {
    if (order[a].hasAttribute("data-always-open")) {
      var item = always.appendChild(document.createElement("li"));
      var parts = order[a].querySelectorAll(".parapluie-card__name, .parapluie-contact, .parapluie-contact + .parapluie-confirm");
      for (var p = 0; p < parts.length; p++) {
        item.appendChild(document.createTextNode(p ? " " : ""));
        item.appendChild(parts[p].cloneNode(true));
      }
    }
  }

  // Open now (confirmed) first, then open today or unknown, then the rest; police after the others. The
  // build lists the confirmed 24/7 lines first too (Card.sort_key, parapluie/directory/pages.py): the
  // first cards stay where they were painted.
  function rank(card, moment) {
    var info = openInfo(card, moment);
    var confirmed = card.hasAttribute("data-hours-confirmed");
    var score = info && info.open && confirmed ? 0 : (hoursUnknown(card, moment) || openToday(card, moment) ? 1 : 2);
    return (card.hasAttribute("data-last") ? 10 : 0) + score;
  }

  function apply() {
    var need = form.elements.need.value;
    var place = form.elements.place.value;
    var language = form.elements.language ? form.elements.language.value : "";
    var todayOnly = form.elements.today.checked;
    var moment = Date.now();
    var shown = 0, matching = 0, openNow = 0, next = null, nextCard = null, known = false;
    var ranked = [];
    for (var i = 0; i < order.length; i++) {
      var card = order[i];
      var matches = has(card, "data-needs", need) && inPlace(card, place) && has(card, "data-languages", language);
      var visible = matches && (!todayOnly || hoursUnknown(card, moment) || openToday(card, moment));
      card.hidden = !visible;
      ranked.push([rank(card, moment), i, card]);
      shown += visible ? 1 : 0;
      if (!matches) {
        continue;
      }
      matching += 1;
      var info = openInfo(card, moment);
      if (info) {
        known = true;
        if (info.open && card.hasAttribute("data-hours-confirmed")) {
          openNow += 1;
        } else if (info.next !== null && (next === null || info.next < next)) {
          next = info.next;
          nextCard = card;
        }
      }
    }
    ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    for (var r = 0; r < ranked.length; r++) {
      list.appendChild(ranked[r][2]);
    }
    count.textContent = countText(shown);
    count.hidden = shown === 0; // never a bare "0": the help below says what to do instead
    var text = "";
    if (!matching) {
      text = nextLine.getAttribute("data-none");
    } else if (!openNow) {
      text = nextLine.getAttribute(todayOnly && !shown ? "data-none-today" : "data-none-now");
      if (nextCard) {
        var name = nameOf(nextCard);
        if (!nextCard.hasAttribute("data-hours-confirmed")) {
          name += " (" + list.getAttribute("data-to-confirm") + ")";
        }
        text += " " + nextLine.getAttribute("data-next").replace("{when}", when(next)).replace("{name}", name);
      } else if (!known) {
        text += " " + nextLine.getAttribute("data-unknown");
      }
    }
    nextLine.textContent = text;
    nextLine.hidden = text === "";
    help.hidden = text === "";
  }

  // A link to a need (/annuaire/#get-tested) opens the finder with that need chosen, unless the reader
  // already chose one while this script was on its way (the finder shows from the first paint).
  var wanted = decodeURIComponent(location.hash.slice(1));
  for (var o = 0; o < form.elements.need.options.length; o++) {
    if (wanted && !form.elements.need.value && form.elements.need.options[o].value === wanted) {
      form.elements.need.value = wanted;
    }
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
  if (wanted && form.elements.need.value === wanted) {
    form.scrollIntoView();
  }
})();
