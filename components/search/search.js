/* Search, loaded only when the reader opens it (see search-loader.js). It builds the dialog in the
   page's empty search box (components/search/search.html carries its strings), fetches the index of
   the page's language once, then matches every word typed (accents and case ignored) against page
   and section titles and text, best matches first. The dialog and the results are built as DOM nodes
   (never as HTML). Nothing is sent anywhere, nothing is stored. The loader shows the box once this
   script and its stylesheet have both loaded. */
(function () {
  "use strict";
  var MAX_RESULTS = 12;
  var SNIPPET_WORDS = 28;
  var box = document.querySelector(".md-search");
  var toggle = document.getElementById("__search");
  var button = document.querySelector(".md-header__button[for=__search]");
  var icon = button && button.querySelector("svg");
  // Built once: a second load (after a failed one) finds the dialog there.
  if (!box || !toggle || !icon || box.firstChild) {
    return;
  }

  function text(name) {
    return box.getAttribute("data-" + name) || "";
  }

  // An element with its class, attributes and children (strings become text, never markup).
  function make(tag, className, attributes, children) {
    var element = document.createElement(tag);
    element.className = className;
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      element.append(child);
    });
    return element;
  }

  // The header's icon (drawn by the stylesheets as a mask, parapluie/finish/bundle.py), or the search
  // stylesheet's `name` icon (SEARCH_ICONS there).
  function drawn(name) {
    var copy = icon.cloneNode(false);
    if (name) {
      copy.setAttribute("class", name);
    }
    return copy;
  }

  var input = make("input", "md-search__input", {
    type: "text", name: "query", "aria-label": text("placeholder"), placeholder: text("placeholder"),
    autocapitalize: "off", autocomplete: "off", spellcheck: "false", required: ""
  });
  var form = make("form", "md-search__form", { name: "search" }, [
    input,
    make("label", "md-search__icon md-icon", { for: "__search" }, [drawn(), drawn("parapluie-i-back")]),
    make("nav", "md-search__options", { "aria-label": text("label") }, [
      make("button", "md-search__icon md-icon", {
        type: "reset", title: text("reset"), "aria-label": text("reset"), tabindex: "-1"
      }, [drawn("parapluie-i-reset")])
    ])
  ]);
  var meta = make("div", "md-search-result__meta", {}, [text("start")]);
  var list = make("ol", "md-search-result__list", { role: "presentation" });
  box.setAttribute("role", "dialog");
  box.setAttribute("aria-label", text("label"));
  box.append(
    make("label", "md-search__overlay", { for: "__search" }),
    make("div", "md-search__inner", { role: "search" }, [
      form,
      make("div", "md-search__output", {}, [
        make("div", "md-search__scrollwrap", { tabindex: "0" }, [
          make("div", "md-search-result", {}, [meta, list])
        ])
      ])
    ])
  );
  var indexUrl = new URL(text("index"), document.baseURI);
  var docs = null;
  var placeholder = text("start");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function plain(html) {
    return new DOMParser().parseFromString(html, "text/html").body.textContent.replace(/\s+/g, " ").trim();
  }

  function prepare(index) {
    var titles = {};
    index.docs.forEach(function (doc) {
      if (doc.location.indexOf("#") < 0) {
        titles[doc.location] = doc.title;
      }
    });
    return index.docs.map(function (doc) {
      var page = doc.location.split("#")[0];
      var text = plain(doc.text);
      var title = plain(doc.title);
      var parent = doc.location.indexOf("#") >= 0 ? titles[page] : null;
      return {
        url: new URL(doc.location, indexUrl.href.replace(/search\/search_index\.json$/, "")).href,
        title: parent && parent !== title ? parent + " › " + title : title,
        text: text,
        foldedTitle: fold(title),
        foldedText: fold(text)
      };
    });
  }

  function terms(query) {
    return fold(query).split(/[\s\-'’.,;:!?()]+/).filter(function (term) { return term.length > 1; });
  }

  function score(doc, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var inTitle = doc.foldedTitle.indexOf(words[i]) >= 0;
      var inText = doc.foldedText.indexOf(words[i]) >= 0;
      if (!inTitle && !inText) {
        return 0;
      }
      total += (inTitle ? 10 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  function snippet(text, words) {
    var folded = fold(text);
    var first = folded.length;
    words.forEach(function (word) {
      var at = folded.indexOf(word);
      if (at >= 0 && at < first) {
        first = at;
      }
    });
    var all = text.split(" ");
    var position = first === folded.length ? 0 : text.slice(0, first).split(" ").length - 1;
    var start = Math.max(0, position - 6);
    var part = all.slice(start, start + SNIPPET_WORDS).join(" ");
    return (start > 0 ? "… " : "") + part + (start + SNIPPET_WORDS < all.length ? " …" : "");
  }

  function highlighted(tag, text, words) {
    var element = document.createElement(tag);
    var folded = fold(text);
    var marks = [];
    words.forEach(function (word) {
      var at = folded.indexOf(word);
      while (at >= 0) {
        marks.push([at, at + word.length]);
        at = folded.indexOf(word, at + word.length);
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var cursor = 0;
    marks.forEach(function (mark) {
      if (mark[0] < cursor) {
        return;
      }
      element.appendChild(document.createTextNode(text.slice(cursor, mark[0])));
      var strong = document.createElement("mark");
      strong.textContent = text.slice(mark[0], mark[1]);
      element.appendChild(strong);
      cursor = mark[1];
    });
    element.appendChild(document.createTextNode(text.slice(cursor)));
    return element;
  }

  function result(doc, words) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = doc.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.appendChild(highlighted("h1", doc.title, words));
    article.appendChild(highlighted("p", snippet(doc.text, words), words));
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function run() {
    list.textContent = "";
    var words = terms(input.value);
    if (!words.length) {
      meta.textContent = placeholder;
      return;
    }
    if (!docs) {
      return;
    }
    var found = docs
      .map(function (doc) { return { doc: doc, score: score(doc, words) }; })
      .filter(function (entry) { return entry.score > 0; })
      .sort(function (a, b) { return b.score - a.score; });
    meta.textContent = found.length ? "" : text("none");
    found.slice(0, MAX_RESULTS).forEach(function (entry) {
      list.appendChild(result(entry.doc, words));
    });
  }

  input.addEventListener("input", run);
  form.addEventListener("reset", function () {
    setTimeout(run, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) {
      window.location.assign(first.href);
    }
  });
  // Focusing the box while search is closed (Tab, or a click on the wide screens' search field) opens it.
  input.addEventListener("focus", function () {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  // Escape closes search and gives the focus back to the header's button (search-loader.js).
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      button.focus();
    }
  });

  fetch(indexUrl.href, { credentials: "omit" })
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    })
    .then(function (index) {
      docs = prepare(index);
      run();
    })
    .catch(function () {
      meta.textContent = text("failed");
    });
})();
