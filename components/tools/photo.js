/* Photo cleaner (issue #18), on /<code>/outils/photo/ only. Everything happens on the phone:
   the photo is read from the file the reader picks, never sent. It says what the file reveals
   (GPS position, date, phone, software: EXIF and other hidden data, read here), then draws
   the pixels again into a new file, which carries none of it. Large photos are scaled down
   while they are decoded (a 48 MP photo would need ~200 MB as pixels). The reader may drag
   over areas to blur or pixelate them and add a visible, tiled mark. The words shown come
   from the page ([data-text] elements), so a translated page translates the tool. Nothing is
   stored; the quick exit ("parapluie:exit") and leaving the page drop the photo. */
(function () {
  "use strict";
  var tool = document.querySelector('[data-tool="photo"]');
  if (!tool || !window.createImageBitmap || !window.Blob || !window.URL) {
    return;
  }
  var MAX_SIDE = 2560;
  var TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };
  var EXTENSIONS = { jpeg: "jpg", png: "png", webp: "webp" };
  var lang = document.documentElement.lang || "fr";

  function part(name) {
    return tool.querySelector('[data-tool="photo-' + name + '"]');
  }
  function text(name, values) {
    var element = tool.querySelector('[data-text="' + name + '"]');
    var template = element ? element.textContent.trim() : "";
    Object.keys(values || {}).forEach(function (key) {
      template = template.replace("{" + key + "}", values[key]);
    });
    return template;
  }
  var input = part("input");
  var status = part("status");
  var found = part("found");
  var work = part("work");
  var canvas = part("preview");
  var output = part("output");
  var share = part("share");
  var frame = document.createElement("span");
  frame.className = "parapluie-photo__frame";
  frame.hidden = true;
  canvas.parentNode.appendChild(frame);
  var context = canvas.getContext("2d");
  var state = null; // { bitmap, kind, name, areas, url, blob }
  var cursor = null; // keyboard frame, in image pixels
  var timer = 0;

  function say(message) {
    status.textContent = message;
  }

  /* ---- What the file reveals: a small reader for JPEG, PNG and WebP containers and EXIF. ---- */

  function kindOf(view) {
    var u32 = view.byteLength >= 12 ? view.getUint32(0) : 0;
    if (u32 >>> 8 === 0xffd8ff) {
      return "jpeg";
    }
    if (u32 === 0x89504e47) {
      return "png";
    }
    if (u32 === 0x52494646 && view.getUint32(8) === 0x57454250) {
      return "webp";
    }
    return null;
  }

  function ascii(view, start, length) {
    var out = "";
    for (var i = 0; i < length && start + i < view.byteLength; i++) {
      var code = view.getUint8(start + i);
      if (code === 0) {
        break;
      }
      out += String.fromCharCode(code);
    }
    return out.trim();
  }

  function readTiff(view, start, info) {
    var little = view.getUint16(start) === 0x4949;
    function u16(at) { return view.getUint16(start + at, little); }
    function u32(at) { return view.getUint32(start + at, little); }
    function value(entry) {
      var type = u16(entry + 2);
      var count = u32(entry + 4);
      var size = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1 }[type] || 1;
      var at = count * size > 4 ? u32(entry + 8) : entry + 8;
      if (type === 2) {
        return ascii(view, start + at, count);
      }
      if (type === 3) {
        return u16(at);
      }
      if (type === 4) {
        return u32(at);
      }
      if (type === 5) {
        var parts = [];
        for (var i = 0; i < count; i++) {
          parts.push(u32(at + i * 8) / (u32(at + i * 8 + 4) || 1));
        }
        return parts;
      }
      return null;
    }
    function ifd(offset) {
      var tags = {};
      var entries = u16(offset);
      for (var i = 0; i < entries; i++) {
        var entry = offset + 2 + i * 12;
        tags[u16(entry)] = value(entry);
      }
      return tags;
    }
    var main = ifd(u32(4));
    var exif = main[0x8769] ? ifd(main[0x8769]) : {};
    var gps = main[0x8825] ? ifd(main[0x8825]) : {};
    info.orientation = main[0x112] || 1;
    info.camera = [main[0x10f], main[0x110], exif[0xa434], exif[0xa431]].filter(Boolean).join(" ");
    info.software = main[0x131] || "";
    info.date = exif[0x9003] || main[0x132] || "";
    function degrees(parts, ref) {
      if (!parts || parts.length < 3) {
        return null;
      }
      var value = parts[0] + parts[1] / 60 + parts[2] / 3600;
      return /[SW]/.test(ref || "") ? -value : value;
    }
    var lat = degrees(gps[2], gps[1]);
    var lon = degrees(gps[4], gps[3]);
    if (lat !== null && lon !== null) {
      info.gps = lat.toFixed(5) + ", " + lon.toFixed(5);
    }
    info.other = info.other || Object.keys(main).length > 0;
  }

  function readJpeg(view, info) {
    var at = 2;
    while (at + 4 <= view.byteLength && view.getUint8(at) === 0xff) {
      var marker = view.getUint8(at + 1);
      var length = view.getUint16(at + 2);
      if (marker === 0xe1 && ascii(view, at + 4, 4) === "Exif") {
        readTiff(view, at + 10, info);
      } else if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) {
        info.other = info.other || marker !== 0xee;
      } else if (marker >= 0xc0 && marker <= 0xcf && [0xc4, 0xc8, 0xcc].indexOf(marker) < 0) {
        info.height = view.getUint16(at + 5);
        info.width = view.getUint16(at + 7);
      }
      if (marker === 0xda) {
        break;
      }
      at += 2 + length;
    }
  }

  function readPng(view, info) {
    var at = 8;
    while (at + 8 <= view.byteLength) {
      var length = view.getUint32(at);
      var type = ascii(view, at + 4, 4);
      if (type === "IHDR") {
        info.width = view.getUint32(at + 8);
        info.height = view.getUint32(at + 12);
      } else if (type === "eXIf") {
        readTiff(view, at + 8, info);
      } else if (/^(tEXt|iTXt|zTXt|tIME)$/.test(type)) {
        var key = ascii(view, at + 8, 80);
        if (key === "Software") {
          info.software = ascii(view, at + 9 + key.length, length - key.length - 1);
        } else {
          info.other = true;
        }
      } else if (type === "IEND") {
        break;
      }
      at += 12 + length;
    }
  }

  function readWebp(view, info) {
    var at = 12;
    while (at + 8 <= view.byteLength) {
      var type = ascii(view, at, 4);
      var length = view.getUint32(at + 4, true);
      var data = at + 8;
      if (type === "VP8X") {
        info.width = 1 + (view.getUint32(data + 4, true) & 0xffffff);
        info.height = 1 + (view.getUint32(data + 7, true) & 0xffffff);
      } else if (type === "VP8 ") {
        info.width = view.getUint16(data + 6, true) & 0x3fff;
        info.height = view.getUint16(data + 8, true) & 0x3fff;
      } else if (type === "VP8L") {
        var bits = view.getUint32(data + 1, true);
        info.width = 1 + (bits & 0x3fff);
        info.height = 1 + ((bits >>> 14) & 0x3fff);
      } else if (type === "EXIF") {
        readTiff(view, data + (ascii(view, data, 4) === "Exif" ? 6 : 0), info);
      } else if (type === "XMP ") {
        info.other = true;
      }
      at = data + length + (length % 2);
    }
  }

  function showFindings(info) {
    found.textContent = "";
    var rows = [
      ["gps", info.gps],
      ["date", info.date && info.date.replace(/^(\d{4}):(\d\d):(\d\d)/, "$1-$2-$3")],
      ["camera", info.camera],
      ["software", info.software],
    ];
    rows.forEach(function (row) {
      if (row[1]) {
        var item = document.createElement("li");
        var label = document.createElement("strong");
        label.textContent = text(row[0]) + " ";
        item.appendChild(label);
        item.appendChild(document.createTextNode(row[1]));
        found.appendChild(item);
      }
    });
    if (info.other && !found.children.length) {
      var other = document.createElement("li");
      other.textContent = text("other");
      found.appendChild(other);
    }
    var summary = document.createElement("li");
    summary.textContent = text(found.children.length ? "removed" : "nothing");
    found.appendChild(summary);
  }

  /* ---- The new file: pixels only, then the areas and the mark. ---- */

  function hideArea(area, pixelate) {
    var block = Math.max(12, Math.round(Math.min(area.w, area.h) / 6));
    var small = document.createElement("canvas");
    small.width = Math.max(1, Math.ceil(area.w / block));
    small.height = Math.max(1, Math.ceil(area.h / block));
    var smallContext = small.getContext("2d");
    smallContext.drawImage(canvas, area.x, area.y, area.w, area.h, 0, 0, small.width, small.height);
    context.save();
    context.imageSmoothingEnabled = !pixelate;
    context.drawImage(small, 0, 0, small.width, small.height, area.x, area.y, area.w, area.h);
    context.restore();
  }

  function field(name) {
    return tool.querySelector('[name="photo-' + name + '"]');
  }

  function drawMark() {
    var words = [field("mark-text").value.trim()];
    if (field("mark-date").checked) {
      words.push(new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date()));
    }
    var mark = words.filter(Boolean).join(" · ");
    if (!mark) {
      return;
    }
    var width = canvas.width;
    var height = canvas.height;
    var size = Math.max(12, Math.round((Math.min(width, height) * Number(field("mark-size").value)) / 100));
    var where = field("mark-place").value;
    context.save();
    context.globalAlpha = Number(field("mark-opacity").value) / 100;
    context.font = "bold " + size + "px sans-serif";
    context.fillStyle = "#fff";
    context.strokeStyle = "#000";
    context.lineWidth = Math.max(1, size / 12);
    context.textAlign = "center";
    context.textBaseline = "middle";
    function put(x, y) {
      context.strokeText(mark, x, y);
      context.fillText(mark, x, y);
    }
    if (where === "tile") {
      var step = context.measureText(mark).width + size * 2;
      var diagonal = Math.sqrt(width * width + height * height);
      context.translate(width / 2, height / 2);
      context.rotate(-Math.PI / 6);
      for (var y = -diagonal / 2; y < diagonal / 2; y += size * 4) {
        for (var x = -diagonal / 2; x < diagonal / 2; x += step) {
          put(x, y);
        }
      }
    } else {
      put(width / 2, where === "bottom" ? height - size : height / 2);
    }
    context.restore();
  }

  function render() {
    if (!state) {
      return;
    }
    context.drawImage(state.bitmap, 0, 0);
    var pixelate = (tool.querySelector('[name="photo-effect"]:checked') || {}).value !== "blur";
    state.areas.forEach(function (area) {
      hideArea(area, pixelate);
    });
    drawMark();
    var current = state;
    canvas.toBlob(function (blob) {
      if (state !== current || !blob) {
        return;
      }
      var kind = blob.type === TYPES[state.kind] ? state.kind : "jpeg";
      if (state.url) {
        URL.revokeObjectURL(state.url);
      }
      state.blob = new File([blob], output.getAttribute("data-name") + "." + EXTENSIONS[kind], { type: blob.type });
      state.url = URL.createObjectURL(state.blob);
      output.href = state.url;
      output.download = state.blob.name;
      output.hidden = false;
      share.hidden = !(navigator.canShare && navigator.canShare({ files: [state.blob] }));
      say((state.scaled ? text("smaller", { width: canvas.width, height: canvas.height }) + " " : "") + text("ready"));
    }, TYPES[state.kind], 0.92);
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(render, 200);
  }

  function drop(keepFile) {
    clearTimeout(timer);
    if (state) {
      if (state.url) {
        URL.revokeObjectURL(state.url);
      }
      state.bitmap.close();
    }
    state = null;
    cursor = null;
    if (keepFile !== true) {
      input.value = "";
    }
    canvas.width = 0;
    canvas.height = 0;
    output.removeAttribute("href");
    output.hidden = true;
    share.hidden = true;
    work.hidden = true;
    frame.hidden = true;
    found.textContent = "";
  }

  function open(file) {
    drop(true);
    say(text("reading"));
    file.slice(0, 1 << 20).arrayBuffer().then(function (head) {
      var view = new DataView(head);
      var kind = kindOf(view);
      if (!kind) {
        say(text("wrong-type"));
        return null;
      }
      var info = { orientation: 1 };
      try {
        ({ jpeg: readJpeg, png: readPng, webp: readWebp })[kind](view, info);
      } catch (error) {
        info.other = true; // unreadable hidden data: it goes too
      }
      showFindings(info);
      // Chromium turns JPEG and PNG by their EXIF orientation while decoding, not WebP.
      var turned = kind !== "webp" && info.orientation >= 5 && info.orientation <= 8;
      var width = turned ? info.height : info.width;
      var height = turned ? info.width : info.height;
      var scale = width && height ? Math.min(1, MAX_SIDE / Math.max(width, height)) : 1;
      var options = { imageOrientation: "from-image" };
      if (scale < 1) {
        // The width alone: the height follows, so a wrong guess can never stretch the photo.
        options.resizeWidth = Math.round(width * scale);
        // Chromium decodes the whole photo first (48 MP: ~190 MB); past half size, the cheaper
        // resampling spares ~60 MB more at the peak (measured, see components/tools/test_tools_photo.py).
        options.resizeQuality = scale < 0.5 ? "low" : "medium";
      }
      return createImageBitmap(file, options).then(function (bitmap) {
        if (bitmap.width > MAX_SIDE || bitmap.height > MAX_SIDE) {
          var fit = MAX_SIDE / Math.max(bitmap.width, bitmap.height);
          var big = bitmap;
          return createImageBitmap(big, {
            resizeWidth: Math.round(big.width * fit),
            resizeHeight: Math.round(big.height * fit),
          }).then(function (smaller) {
            big.close();
            return { bitmap: smaller, kind: kind, scaled: true };
          });
        }
        return { bitmap: bitmap, kind: kind, scaled: scale < 1 };
      });
    }).then(function (opened) {
      if (!opened) {
        return;
      }
      state = { bitmap: opened.bitmap, kind: opened.kind, scaled: opened.scaled, areas: [], url: null, blob: null };
      canvas.width = opened.bitmap.width;
      canvas.height = opened.bitmap.height;
      work.hidden = false;
      render();
    }).catch(function () {
      drop();
      say(text("failed"));
    });
  }

  /* ---- Areas: dragged with a finger or the mouse, or placed with the keyboard. ---- */

  function toImage(event) {
    var box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * canvas.width) / box.width,
      y: ((event.clientY - box.top) * canvas.height) / box.height,
    };
  }

  function rectangle(a, b) {
    return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
  }

  function showFrame(area) {
    var scale = canvas.getBoundingClientRect().width / canvas.width;
    frame.hidden = !area;
    if (area) {
      frame.style.left = canvas.offsetLeft + area.x * scale + "px";
      frame.style.top = canvas.offsetTop + area.y * scale + "px";
      frame.style.width = area.w * scale + "px";
      frame.style.height = area.h * scale + "px";
    }
  }

  function addArea(area) {
    if (state && area.w >= 4 && area.h >= 4) {
      state.areas.push({ x: Math.round(area.x), y: Math.round(area.y), w: Math.round(area.w), h: Math.round(area.h) });
      say(text("area-added", { count: state.areas.length }));
      render();
    }
  }

  var start = null;
  canvas.addEventListener("pointerdown", function (event) {
    if (!state) {
      return;
    }
    start = toImage(event);
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", function (event) {
    if (start) {
      showFrame(rectangle(start, toImage(event)));
    }
  });
  canvas.addEventListener("pointerup", function (event) {
    if (start) {
      addArea(rectangle(start, toImage(event)));
      start = null;
      showFrame(cursor);
    }
  });
  canvas.addEventListener("keydown", function (event) {
    if (!state) {
      return;
    }
    var step = Math.max(8, Math.round(canvas.width / 40));
    var side = Math.round(Math.min(canvas.width, canvas.height) / 4);
    cursor = cursor || { x: (canvas.width - side) / 2, y: (canvas.height - side) / 2, w: side, h: side };
    var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      cursor.x = Math.max(0, Math.min(canvas.width - cursor.w, cursor.x + moves[event.key][0]));
      cursor.y = Math.max(0, Math.min(canvas.height - cursor.h, cursor.y + moves[event.key][1]));
    } else if (event.key === "+" || event.key === "-") {
      var grow = event.key === "+" ? step : -step;
      cursor.w = Math.max(step, Math.min(canvas.width - cursor.x, cursor.w + grow));
      cursor.h = Math.max(step, Math.min(canvas.height - cursor.y, cursor.h + grow));
    } else if (event.key === "Enter" || event.key === " ") {
      addArea(cursor);
    } else {
      return;
    }
    event.preventDefault();
    showFrame(cursor);
  });
  canvas.addEventListener("blur", function () {
    showFrame(null);
  });

  /* ---- Wiring. ---- */

  input.addEventListener("change", function () {
    if (input.files && input.files[0]) {
      open(input.files[0]);
    }
  });
  tool.addEventListener("input", function (event) {
    if (event.target !== input) {
      later();
    }
  });
  tool.addEventListener("click", function (event) {
    var action = event.target.closest("[data-tool]");
    var name = action && action.getAttribute("data-tool");
    if (name === "photo-undo" && state) {
      state.areas.pop();
      render();
    } else if (name === "photo-clear") {
      drop();
      say(text("cleared"));
    } else if (name === "photo-share" && state && state.blob) {
      navigator.share({ files: [state.blob] }).catch(function () {});
    }
  });
  document.addEventListener("parapluie:exit", drop);
  window.addEventListener("pagehide", drop);
  tool.hidden = false;
  var needsScript = document.querySelector("[data-tool-needs-script]");
  if (needsScript) {
    needsScript.hidden = true;
  }
})();
