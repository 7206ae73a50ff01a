/* Tell a friend where you are (issue #18), on /<code>/outils/ami/ only. The reader types the
   client's number or name as given, the place, the time, when she will check in, and her
   friend's number; the message (its words come from the page, so it is in the page's language)
   opens in SMS or WhatsApp with the text filled in, or goes to another app (Signal…) through
   the phone's share sheet, or is copied. Nothing is sent by this page and nothing is stored. */
(function () {
  "use strict";
  var tool = document.querySelector('[data-tool="friend"]');
  if (!tool) {
    return;
  }
  var COUNTRY = "32"; // a number typed without a country code is Belgian (0470… → 32470…)

  function field(name) {
    return tool.querySelector('[name="friend-' + name + '"]');
  }
  function part(name) {
    return tool.querySelector('[data-tool="friend-' + name + '"]');
  }
  function text(name) {
    var element = tool.querySelector('[data-text="' + name + '"]');
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* The friend's number in international digits (no +), or "" when none was typed. */
  function international(value) {
    var digits = value.replace(/[^\d+]/g, "");
    if (digits.charAt(0) === "+") {
      return digits.slice(1).replace(/\D/g, "");
    }
    if (digits.slice(0, 2) === "00") {
      return digits.slice(2);
    }
    if (digits.charAt(0) === "0") {
      return COUNTRY + digits.slice(1);
    }
    return digits;
  }

  function message() {
    var blank = text("blank");
    var values = {
      client: field("client").value.trim(),
      place: field("place").value.trim(),
      time: field("time").value.trim(),
      checkin: field("checkin").value.trim(),
    };
    return text("message").replace(/\{(\w+)\}/g, function (all, key) {
      return values[key] || blank;
    });
  }

  function update() {
    var body = message();
    var number = international(field("number").value);
    part("preview").textContent = body;
    part("sms").href = "sms:" + (number ? "+" + number : "") + "?body=" + encodeURIComponent(body);
    part("whatsapp").href = "https://wa.me/" + number + "?text=" + encodeURIComponent(body);
  }

  tool.addEventListener("input", update);
  tool.addEventListener("click", function (event) {
    if (!event.target.closest('[data-tool="friend-other"]')) {
      return;
    }
    var body = message();
    var status = part("status");
    if (navigator.share) {
      navigator.share({ text: body }).catch(function () {});
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(body).then(function () {
        status.textContent = text("copied");
      });
    }
  });
  document.addEventListener("parapluie:exit", function () {
    tool.querySelectorAll("input").forEach(function (input) {
      if (input.type === "checkbox") {
        input.checked = false;
      } else {
        input.value = "";
      }
    });
    update();
  });
  update();
  tool.hidden = false;
  var needsScript = document.querySelector("[data-tool-needs-script]");
  if (needsScript) {
    needsScript.hidden = true;
  }
})();
