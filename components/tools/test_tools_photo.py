"""The photo cleaner (issue #18) in Chromium, with real files made here: what goes in, what comes out."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat

from components.tools import photos
from components.tools.photos import network_requests

pytestmark = pytest.mark.browser

INPUT = '[data-tool="photo-input"]'
OUTPUT = 'a[data-tool="photo-output"]'
STATUS = '[data-tool="photo-status"]'


def tool_page(context, site_url: str, code: str = "fr"):
    """The photo page, loaded, with every request made after loading recorded in `page.late_requests`."""
    page = context.new_page()
    page.goto(f"{site_url}/{code}/outils/photo/", wait_until="networkidle")
    page.late_requests = []
    page.on("request", lambda request: page.late_requests.append(request.url))
    return page


def choose(page, data: bytes, name: str = "photo.jpg", mime: str = "image/jpeg") -> None:
    """Pick a file in the tool as a reader would, and wait for the cleaned file's link."""
    page.set_input_files(INPUT, files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.wait_for_selector(f'{OUTPUT}[href^="blob:"]')


def cleaned(page) -> tuple[bytes, str]:
    """Download the cleaned file through its link, as a reader would: (bytes, file name)."""
    with page.expect_download() as download:
        page.click(OUTPUT)
    return Path(download.value.path()).read_bytes(), download.value.suggested_filename


def next_output(page, previous: str) -> None:
    """Wait until the tool offers a new file (after an option changed)."""
    page.wait_for_function(
        "([selector, previous]) => { const a = document.querySelector(selector);"
        " return a.href.startsWith('blob:') && a.href !== previous; }",
        arg=[OUTPUT, previous],
    )


def mean_difference(a: Image.Image, b: Image.Image, box: tuple[int, int, int, int]) -> float:
    """Mean absolute difference of two images' pixels inside `box`, 0 to 255."""
    return sum(ImageStat.Stat(ImageChops.difference(a.crop(box), b.crop(box))).mean) / 3


def test_what_the_photo_reveals_is_shown_and_the_new_file_has_none_of_it(phone, site_url):
    original = photos.encode(photos.halves(60, 40), "JPEG", orientation=6)
    page = tool_page(phone, site_url)
    choose(page, original)
    found = page.inner_text('[data-tool="photo-found"]')
    for shown in (photos.GPS_SHOWN, "2024-05-01 12:34:56", photos.CAMERA_MAKE, photos.CAMERA_MODEL, photos.SOFTWARE):
        assert shown in found, found
    assert page.inner_text(STATUS) == "La nouvelle photo est prête."
    data, name = cleaned(page)
    assert name == "photo.jpg"
    output = Image.open(io.BytesIO(data))
    assert output.format == "JPEG"
    assert not output.getexif() and b"Exif" not in data
    for secret in (photos.CAMERA_MAKE, photos.CAMERA_MODEL, photos.SOFTWARE, "2024:05:01"):
        assert secret.encode() not in data, secret
    # Orientation 6 (turned a quarter clockwise): the pixels are turned, so it looks the same without EXIF.
    expected = ImageOps.exif_transpose(Image.open(io.BytesIO(original)))
    assert output.size == expected.size == (40, 60)
    assert mean_difference(output.convert("RGB"), expected.convert("RGB"), (0, 0, 40, 60)) < 8
    assert output.getpixel((20, 5))[0] > 180 and output.getpixel((20, 55))[2] > 180  # red on top, blue below
    assert network_requests(page.late_requests) == []


@pytest.mark.parametrize(("kind", "mime", "extension"), [("PNG", "image/png", "png"), ("WEBP", "image/webp", "webp")])
def test_png_and_webp_come_out_in_their_own_format_without_exif(phone, site_url, kind, mime, extension):
    page = tool_page(phone, site_url)
    choose(page, photos.encode(photos.halves(60, 40), kind), f"photo.{extension}", mime)
    assert photos.CAMERA_MODEL in page.inner_text('[data-tool="photo-found"]')
    data, name = cleaned(page)
    output = Image.open(io.BytesIO(data))
    assert (output.format, name) == (kind, f"photo.{extension}")
    assert not output.getexif() and photos.CAMERA_MODEL.encode() not in data
    assert network_requests(page.late_requests) == []


def test_another_kind_of_file_gets_a_clear_message(phone, site_url):
    page = tool_page(phone, site_url)
    page.set_input_files(
        INPUT, files=[{"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": b"GIF89a" + bytes(64)}]
    )
    page.wait_for_function(f"document.querySelector('{STATUS}').textContent.includes('JPEG')")
    assert page.inner_text(STATUS) == "Ce fichier n'est pas une photo JPEG, PNG ou WebP. Choisissez une autre photo."
    assert page.get_attribute(OUTPUT, "href") is None and not page.is_visible(OUTPUT)


def test_a_dragged_area_is_hidden_and_the_mark_is_drawn(phone, site_url):
    page = tool_page(phone, site_url)
    choose(page, photos.encode(photos.checkerboard(400, 300)))
    before = Image.open(io.BytesIO(cleaned(page)[0])).convert("RGB")
    # Drag a finger (here the mouse) from 10 % to 40 % of the preview: image pixels 40..160 x 30..120.
    page.locator('[data-tool="photo-preview"]').scroll_into_view_if_needed()
    preview = page.locator('[data-tool="photo-preview"]').bounding_box()
    href = page.get_attribute(OUTPUT, "href")
    page.mouse.move(preview["x"] + preview["width"] * 0.1, preview["y"] + preview["height"] * 0.1)
    page.mouse.down()
    page.mouse.move(preview["x"] + preview["width"] * 0.4, preview["y"] + preview["height"] * 0.4, steps=5)
    page.mouse.up()
    next_output(page, href)
    assert page.inner_text(STATUS) == "La nouvelle photo est prête."
    hidden = Image.open(io.BytesIO(cleaned(page)[0])).convert("RGB")
    assert mean_difference(before, hidden, (50, 40, 150, 110)) > 40  # the squares are gone there
    assert mean_difference(before, hidden, (250, 180, 390, 290)) < 8  # and nowhere else
    # A mark in the middle: the centre changes, the area hidden before stays hidden.
    href = page.get_attribute(OUTPUT, "href")
    page.select_option("#photo-mark-place", "center")
    page.fill("#photo-mark-opacity", "90")
    page.fill("#photo-mark-text", "Lola Test")
    next_output(page, href)
    marked = Image.open(io.BytesIO(cleaned(page)[0])).convert("RGB")
    assert mean_difference(hidden, marked, (160, 143, 240, 157)) > 20
    assert mean_difference(hidden, marked, (0, 0, 400, 20)) < 8  # the mark is in the middle only
    assert network_requests(page.late_requests) == []


def test_the_keyboard_can_hide_an_area_and_the_tiled_mark_covers_the_photo(phone, site_url):
    page = tool_page(phone, site_url)
    choose(page, photos.encode(photos.checkerboard(400, 300)))
    before = Image.open(io.BytesIO(cleaned(page)[0])).convert("RGB")
    href = page.get_attribute(OUTPUT, "href")
    page.focus('[data-tool="photo-preview"]')
    page.keyboard.press("Enter")  # the frame starts in the middle, a quarter of the short side wide
    next_output(page, href)
    assert page.is_visible(".parapluie-photo__frame")
    keyboard = Image.open(io.BytesIO(cleaned(page)[0])).convert("RGB")
    assert mean_difference(before, keyboard, (170, 120, 230, 180)) > 40
    href = page.get_attribute(OUTPUT, "href")
    page.fill("#photo-mark-text", "Lola")  # repeated over the whole photo by default
    next_output(page, href)
    tiled = Image.open(io.BytesIO(cleaned(page)[0])).convert("RGB")
    corners = [(0, 0, 130, 100), (270, 0, 400, 100), (0, 200, 130, 300), (270, 200, 400, 300)]
    assert all(mean_difference(keyboard, tiled, box) > 3 for box in corners)


def test_the_quick_exit_drops_the_photo(phone, site_url):
    page = tool_page(phone, site_url)
    choose(page, photos.encode(photos.halves(60, 40)))
    destination = page.get_attribute(".parapluie-exit__button", "href")
    held = []
    page.route(destination, lambda route: held.append(route))  # the neutral page never answers
    # Right after the tools heard the exit, the page reports what is left (the console still works
    # while the page is on its way out).
    page.evaluate(
        """(address) => document.addEventListener('parapluie:exit', () => {
          const canvas = document.querySelector('[data-tool="photo-preview"]');
          const left = { blank: document.documentElement.classList.contains('parapluie-exiting'),
                         size: [canvas.width, canvas.height],
                         href: document.querySelector('[data-tool="photo-output"]').getAttribute('href'),
                         files: document.querySelector('[data-tool="photo-input"]').files.length };
          fetch(address).then(() => true, () => false)
            .then((readable) => console.log(JSON.stringify(Object.assign(left, { readable: readable }))));
        })""",
        page.get_attribute(OUTPUT, "href"),
    )
    with page.expect_console_message(lambda message: message.text.startswith("{")) as message:
        page.click(".parapluie-exit__button", no_wait_after=True)
    left = json.loads(message.value.text)
    assert left == {"blank": True, "size": [0, 0], "href": None, "files": 0, "readable": False}
    for _ in range(50):  # and the reader is on her way out
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1


def _renderers() -> dict[int, int]:
    """Chromium renderer processes started by this test process: pid → peak resident memory (kB)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = {}, [os.getpid()]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            if b"--type=renderer" in Path(f"/proc/{pid}/cmdline").read_bytes():
                status = Path(f"/proc/{pid}/status").read_text()
                found[pid] = int(status.split("VmHWM:")[1].split()[0])
        except (OSError, IndexError):
            continue
    return found


# What a 48 MP photo may add to the page's peak memory (the renderer's resident set): Chromium
# decodes the whole photo (8000 × 6000 × 4 bytes ≈ 190 MB) before scaling it down, then the tool
# keeps 2560 × 1920 pixels (≈ 20 MB) twice (decoded copy, canvas). Measured: 158 MB loaded, 343 MB peak.
PEAK_MEMORY_MAX_MB = 350


def test_a_48_megapixel_photo_is_scaled_down_on_the_phone(browser, site_url, tmp_path):
    from devtools.chromium import PHONE

    image = Image.effect_noise((800, 600), 60).convert("RGB").resize((8000, 6000))
    path = tmp_path / "big.jpg"
    image.save(path, "JPEG", quality=85, exif=photos.phone_exif(orientation=6))
    del image
    context = browser.new_context(**PHONE)
    before = set(_renderers())
    page = tool_page(context, site_url)
    loaded_mb = max(kb for pid, kb in _renderers().items() if pid not in before) / 1024
    page.set_input_files(INPUT, str(path))
    page.wait_for_selector(f'{OUTPUT}[href^="blob:"]', timeout=60_000)
    assert page.inner_text(STATUS) == (
        "La photo était très grande. La nouvelle copie fait 1920 × 2560 pixels. La nouvelle photo est prête."
    )
    peak_mb = max(kb for pid, kb in _renderers().items() if pid not in before) / 1024
    data, _ = cleaned(page)
    context.close()
    output = Image.open(io.BytesIO(data))
    assert output.size == (1920, 2560)  # turned upright (orientation 6), longest side 2560
    assert not output.getexif()
    print(f"48 MP photo ({path.stat().st_size // 1000} kB): renderer {loaded_mb:.0f} MB loaded, peak {peak_mb:.0f} MB")
    assert peak_mb - loaded_mb < PEAK_MEMORY_MAX_MB
