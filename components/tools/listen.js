/* "Listen to this page" (issue #18): reads the page aloud with the phone's own voice (Web
   Speech API). The button shows only where the phone has a voice for the page's language that
   runs on the device (localService): a network voice would send the page's text to another
   company, and so tell it what the reader is reading. Pause, resume, stop; the quick exit
   (event "parapluie:exit") and leaving the page stop it at once. Nothing is stored. */
(function () {
  "use strict";
  var box = document.querySelector(".parapluie-listen");
  var synth = window.speechSynthesis;
  if (!box || !synth || !window.SpeechSynthesisUtterance) {
    return;
  }
  var article = box.closest("article") || document.body;
  // A page not yet translated shows the French text inside <div lang="fr">: read it in French.
  var holder = article.querySelector(":scope > div[lang]") || document.documentElement;
  var lang = (holder.getAttribute("lang") || "fr").toLowerCase();
  var BLOCKS = "h1,h2,h3,h4,p,li,dt,dd,th,td,summary";
  var SKIP = ".parapluie-listen,.parapluie-notice,.parapluie-tool,[hidden],nav,.parapluie-facts";
  var buttons = {};
  var voice = null;
  var queue = [];
  var current = null;

  box.querySelectorAll("[data-listen]").forEach(function (button) {
    buttons[button.getAttribute("data-listen")] = button;
  });

  function base(code) {
    return String(code || "").toLowerCase().replace("_", "-").split("-")[0];
  }

  function localVoice() {
    var found = synth.getVoices().filter(function (candidate) {
      return candidate.localService === true && base(candidate.lang) === base(lang);
    });
    return found.filter(function (candidate) { return candidate.default; })[0] || found[0] || null;
  }

  function show(state) {
    buttons.play.hidden = state !== "idle";
    buttons.pause.hidden = state !== "playing";
    buttons.resume.hidden = state !== "paused";
    buttons.stop.hidden = state === "idle";
  }

  function texts() {
    var found = [];
    article.querySelectorAll(BLOCKS).forEach(function (element) {
      if (element.closest(SKIP) || element.parentElement.closest(BLOCKS)) {
        return;
      }
      var text = element.textContent.replace(/\s+/g, " ").trim();
      if (text) {
        found.push(text);
      }
    });
    return found;
  }

  function next() {
    if (!queue.length) {
      stop();
      return;
    }
    var utterance = new window.SpeechSynthesisUtterance(queue.shift());
    utterance.lang = voice.lang;
    utterance.voice = voice;
    utterance.onend = function () {
      if (current === utterance) {
        next();
      }
    };
    utterance.onerror = utterance.onend;
    current = utterance;
    synth.speak(utterance);
  }

  function stop() {
    queue = [];
    current = null;
    synth.cancel();
    show("idle");
  }

  function update() {
    voice = localVoice();
    if (!voice) {
      stop();
    }
    box.hidden = !voice;
  }

  buttons.play.addEventListener("click", function () {
    synth.cancel();
    queue = texts();
    show("playing");
    next();
  });
  buttons.pause.addEventListener("click", function () {
    synth.pause();
    show("paused");
  });
  buttons.resume.addEventListener("click", function () {
    synth.resume();
    show("playing");
  });
  buttons.stop.addEventListener("click", stop);
  document.addEventListener("parapluie:exit", stop);
  window.addEventListener("pagehide", stop);
  if (synth.addEventListener) {
    synth.addEventListener("voiceschanged", update);
  }
  update();
})();
