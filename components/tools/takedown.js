/* Takedown request (issue #18), on /<code>/outils/retrait/ only. The reader picks the situation
   and types the platform, the addresses, the date and a contact; the ready message is written
   here, in French and in English whatever the page's language (platforms read those), to copy
   or open in the mail app. Nothing is sent or stored: the message exists only on this page.
   The labels come from the page; the messages' own words are below, in the two languages. */
(function () {
  "use strict";
  var tool = document.querySelector('[data-tool="takedown"]');
  if (!tool) {
    return;
  }
  var MESSAGES = {
    fr: {
      blank: { platform: "[nom du site]", urls: "[adresse exacte de chaque page]", date: "[date]", name: "[votre nom ou nom de scène]", contact: "[votre e-mail]", original: "[où se trouve l'original : par exemple le lien de votre page]" },
      ncii: [
        "Signalement urgent : image intime diffusée sans mon consentement",
        "Bonjour,\n\nUne image ou une vidéo intime de moi est publiée sur {platform} sans mon consentement. Je n'ai pas accepté qu'elle soit diffusée.\n\nAdresse(s) exacte(s) :\n{urls}\n\nVue le : {date}.\n\nJe vous demande de la retirer au plus vite et d'empêcher qu'elle soit publiée à nouveau. Elle enfreint vos règles sur les images intimes diffusées sans consentement. En Belgique, diffuser ce contenu sans l'accord de la personne est puni par la loi (article 417/9 du Code pénal).\n\nMerci de me confirmer le retrait.\n\n{name}\nContact : {contact}",
      ],
      copyright: [
        "Notification de violation du droit d'auteur (DMCA) : demande de retrait",
        "Bonjour,\n\nJe suis la personne qui a créé le contenu publié aux adresses ci-dessous, et j'en détiens les droits d'auteur. Il est publié sur {platform} sans mon autorisation.\n\nAdresse(s) exacte(s) du contenu copié :\n{urls}\n\nL'original : {original}\n\nVu le : {date}.\n\nJe vous demande de retirer ce contenu ou d'en bloquer l'accès rapidement.\n\nJe déclare de bonne foi que cette utilisation n'est autorisée ni par moi, ni par la personne qui me représente, ni par la loi. Je déclare que les informations de cette notification sont exactes et, sous peine de parjure, que je suis titulaire des droits concernés ou que j'ai le droit d'agir en leur nom.\n\nSignature : {name}\nContact : {contact}",
      ],
    },
    en: {
      blank: { platform: "[site name]", urls: "[exact address of each page]", date: "[date]", name: "[your name or stage name]", contact: "[your e-mail]", original: "[where the original is: for example the link to your page]" },
      ncii: [
        "Urgent report: intimate image shared without my consent",
        "Hello,\n\nAn intimate image or video of me is published on {platform} without my consent. I did not agree to it being shared.\n\nExact address(es):\n{urls}\n\nSeen on: {date}.\n\nPlease remove it as soon as possible and prevent it from being published again. It breaks your rules on intimate images shared without consent. In Belgium, sharing such content without the person's agreement is a criminal offence (article 417/9 of the Criminal Code).\n\nPlease confirm the removal.\n\n{name}\nContact: {contact}",
      ],
      copyright: [
        "Copyright infringement notice (DMCA): removal request",
        "Hello,\n\nI created the content published at the addresses below and I own its copyright. It is published on {platform} without my permission.\n\nExact address(es) of the copied content:\n{urls}\n\nThe original: {original}\n\nSeen on: {date}.\n\nPlease remove this content or disable access to it promptly.\n\nI have a good faith belief that this use of the material is not authorised by the copyright owner, its agent, or the law. The information in this notice is accurate, and under penalty of perjury, I am the owner, or authorised to act on behalf of the owner, of the rights concerned.\n\nSignature: {name}\nContact: {contact}",
      ],
    },
  };
  var LOCALES = { fr: "fr-BE", en: "en-GB" };

  function field(name) {
    return tool.querySelector('[name="takedown-' + name + '"]');
  }
  function part(name) {
    return tool.querySelector('[data-tool="takedown-' + name + '"]');
  }

  function formatDate(value, language) {
    var date = value ? new Date(value + "T12:00:00") : null;
    if (!date || isNaN(date.getTime())) {
      return "";
    }
    return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "long" }).format(date);
  }

  function message(language) {
    var words = MESSAGES[language];
    var checked = tool.querySelector('[name="takedown-situation"]:checked');
    var kind = checked ? checked.value : "ncii";
    var urls = field("urls").value.split(/\s+/).filter(Boolean).join("\n");
    var values = {
      platform: field("platform").value.trim(),
      urls: urls,
      date: formatDate(field("date").value, language),
      name: field("name").value.trim(),
      contact: field("contact").value.trim(),
      original: field("original").value.trim(),
    };
    var body = words[kind][1].replace(/\{(\w+)\}/g, function (all, key) {
      return values[key] || words.blank[key];
    });
    return { subject: words[kind][0], body: body, kind: kind };
  }

  function update() {
    var kind = "ncii";
    ["fr", "en"].forEach(function (language) {
      var made = message(language);
      kind = made.kind;
      part("text-" + language).value = made.subject + "\n\n" + made.body;
      part("mail-" + language).href =
        "mailto:?subject=" + encodeURIComponent(made.subject) + "&body=" + encodeURIComponent(made.body);
    });
    tool.querySelectorAll("[data-situation]").forEach(function (element) {
      element.hidden = element.getAttribute("data-situation") !== kind;
    });
  }

  tool.addEventListener("input", update);
  tool.addEventListener("change", update);
  tool.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var area = part("text-" + button.getAttribute("data-copy"));
    var done = part("status");
    function copied() {
      done.textContent = button.getAttribute("data-done");
    }
    area.select();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(area.value).then(copied, function () {
        document.execCommand("copy");
        copied();
      });
    } else {
      document.execCommand("copy");
      copied();
    }
  });
  document.addEventListener("parapluie:exit", function () {
    tool.querySelectorAll("input[type=text], input[type=email], input[type=date], textarea").forEach(function (input) {
      input.value = "";
    });
  });
  update();
  tool.hidden = false;
  var needsScript = document.querySelector("[data-tool-needs-script]");
  if (needsScript) {
    needsScript.hidden = true;
  }
})();
