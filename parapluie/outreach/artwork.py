"""Pictures made at build time: the link-preview card of each language and the home-screen icons.

Both must be discreet: a calm umbrella drawn from plain shapes, in slate blue on a light ground (never
red: the red umbrella is the sex-worker-rights symbol, and a shared phone should show nothing that
marks its owner). Text is drawn with the DejaVu Sans subset in `parapluie/outreach/fonts/`, so no system font
is needed, and with Pillow's basic layout, so the same input gives the same bytes on every machine.
"""

from __future__ import annotations

import io
import struct
import unicodedata
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps, features

FONTS = Path(__file__).parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"

GROUND = "#f3f5f7"  # light, neutral background
SLATE = "#2f5d7c"  # the umbrella
INK = "#1c2b36"  # the title
MUTED = "#4d5f6d"  # the subtitle

CARD_SIZE = (1200, 630)  # Open Graph and Twitter's large card
CARD_COLOURS = 64  # the card is saved with a palette this big: a few shades of four colours
SUPERSAMPLE = 4  # shapes are drawn this many times larger, then scaled down: smooth edges
MASKABLE_SAFE_ZONE = 0.8  # launchers may crop a maskable icon down to this central circle (diameter)


def font_covers(text: str) -> bool:
    """Whether the vendored fonts can draw `text` properly: a glyph for every character, and a shaping
    engine (libraqm) for any right-to-left or combining character. Otherwise the caller leaves the
    text out rather than show empty boxes or unjoined letters.
    """
    if any(_needs_shaping(char) for char in text) and not features.check("raqm"):
        return False
    return all(ord(char) in _codepoints(font) for font in (REGULAR, BOLD) for char in text)


def preview_card(title: str, subtitle: str, direction: str = "ltr") -> bytes:
    """A 1200×630 PNG for link previews: the umbrella, `title` large and `subtitle` smaller.

    `direction="rtl"` mirrors the layout (umbrella on the right, text aligned right). A subtitle the
    fonts cannot draw (see `font_covers`) is left out; a title they cannot draw is an error.
    """
    if direction not in ("ltr", "rtl"):
        raise ValueError(f'preview_card: direction must be "ltr" or "rtl", not {direction!r}')
    if not title.strip() or not font_covers(title):
        raise ValueError(f"preview_card: the bundled font cannot draw the title {title!r}; use Latin or Cyrillic")
    width, height = CARD_SIZE
    side, margin, gap = 300, 100, 64
    card = Image.new("RGB", CARD_SIZE, GROUND)
    umbrella_x = margin if direction == "ltr" else width - margin - side
    card.paste(SLATE, (umbrella_x, (height - side) // 2), _umbrella(side, mirrored=direction == "rtl"))
    ImageDraw.Draw(card).rectangle((0, height - 14, width, height), fill=SLATE)

    text_x = margin + side + gap
    text_width = width - text_x - 90
    blocks = [(*_fit(title, BOLD, 120, 64, text_width, max_lines=1), INK)]
    if subtitle.strip() and font_covers(subtitle):
        blocks.append((*_fit(subtitle, REGULAR, 52, 32, text_width, max_lines=2), MUTED))
    _draw_text(card, blocks, x=text_x if direction == "ltr" else width - text_x, align=direction)
    return _png(card.quantize(colors=CARD_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE))


def app_icon(size: int, maskable: bool = False) -> bytes:
    """A square PNG home-screen icon of `size` pixels: a light umbrella on slate blue.

    The plain icon is a rounded square on a transparent ground. The maskable one fills the whole
    square and keeps the umbrella well inside the central 80 % circle that launcher masks leave.
    """
    if size < 16:
        raise ValueError(f"app_icon: size must be at least 16 pixels, not {size}")
    if maskable:
        icon = Image.new("RGB", (size, size), SLATE)
        # The umbrella reaches 0.47 of its box from the box's centre: 0.47 × 0.66 ≈ 0.31 < 0.4 (the safe radius).
        side = round(size * 0.66)
    else:
        big = size * SUPERSAMPLE
        tile = Image.new("L", (big, big), 0)
        ImageDraw.Draw(tile).rounded_rectangle((0, 0, big - 1, big - 1), radius=round(big * 0.22), fill=255)
        icon = Image.new("RGBA", (size, size), SLATE)
        icon.putalpha(tile.resize((size, size), Image.Resampling.LANCZOS))
        side = round(size * 0.72)
    offset = (size - side) // 2
    icon.paste(GROUND, (offset, offset), _umbrella(side))
    return _png(icon)


def _umbrella(side: int, mirrored: bool = False) -> Image.Image:
    """The umbrella as a `side`×`side` coverage mask (255 = umbrella): tip, canopy with a scalloped
    hem, shaft, and a hook that curls to the left (to the right when `mirrored`)."""
    big = side * SUPERSAMPLE
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return round(x0 * big), round(y0 * big), round(x1 * big), round(y1 * big)

    draw.rounded_rectangle(box(0.485, 0.04, 0.515, 0.14), radius=round(0.015 * big), fill=255)  # tip
    hem = 0.46  # the canopy is the top half of an ellipse centred at this height
    draw.pieslice(box(0.05, 0.10, 0.95, 2 * hem - 0.10), 180, 360, fill=255)
    scallop = 0.1125  # half the width of each of the four shallow bites out of the hem
    for i in range(4):
        centre = 0.05 + scallop * (2 * i + 1)
        draw.ellipse(box(centre - scallop, hem - 0.055, centre + scallop, hem + 0.055), fill=0)
    draw.rectangle(box(0.475, 0.40, 0.525, 0.80), fill=255)  # shaft
    draw.arc(box(0.275, 0.675, 0.525, 0.925), 0, 180, fill=255, width=round(0.05 * big))  # hook
    draw.ellipse(box(0.275, 0.775, 0.325, 0.825), fill=255)  # the hook's rounded end
    mask = mask.resize((side, side), Image.Resampling.LANCZOS)
    return ImageOps.mirror(mask) if mirrored else mask


def _fit(
    text: str, path: Path, largest: int, smallest: int, width: int, max_lines: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size from `largest` down to `smallest` at which `text` fits `width` in at most
    `max_lines` lines broken at spaces, preferring fewer lines down to 4/5 of `largest`. If even
    `smallest` is too big, the text is cut with "…"."""
    for allowed in range(1, max_lines + 1):
        lowest = smallest if allowed == max_lines else max(smallest, largest * 4 // 5)
        for size in range(largest, lowest - 1, -2):
            font = _font(path, size)
            lines = _wrap(text, font, width)
            if len(lines) <= allowed and all(font.getlength(line) <= width for line in lines):
                return font, lines
    cut = len(lines) > max_lines
    lines = lines[:max_lines]
    for index, line in enumerate(lines):
        if font.getlength(line) > width or (cut and index == len(lines) - 1):
            while line and font.getlength(line + "…") > width:
                line = line[:-1].rstrip()
            lines[index] = line + "…"
    return font, lines


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """`text` broken greedily at spaces into lines no wider than `width` (a too-long word gets its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _draw_text(card: Image.Image, blocks: list, x: int, align: str) -> None:
    """Draw blocks of (font, lines, colour) one under the other, centred vertically on the card,
    starting at `x` (`align="ltr"`) or ending there (`align="rtl"`)."""
    draw = ImageDraw.Draw(card)
    gap = 28  # between the title and the subtitle
    rows = [
        (font, line, colour, i > 0 and j == 0)
        for i, (font, lines, colour) in enumerate(blocks)
        for j, line in enumerate(lines)
    ]
    y = (card.height - sum(sum(font.getmetrics()) + gap * after_gap for font, _, _, after_gap in rows)) // 2
    for font, line, colour, after_gap in rows:
        ascent, descent = font.getmetrics()
        y += gap * after_gap
        draw.text((x, y + ascent), line, font=font, fill=colour, anchor="ls" if align == "ltr" else "rs")
        y += ascent + descent


def _png(image: Image.Image) -> bytes:
    """`image` as optimised PNG bytes without metadata (no time stamp), so the bytes are reproducible."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """A vendored font at `size` pixels, with Pillow's basic layout (same output with or without raqm)."""
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _needs_shaping(char: str) -> bool:
    """Whether `char` only reads right once shaped: right-to-left letters, Arabic digits, combining marks."""
    return unicodedata.bidirectional(char) in ("R", "AL", "AN") or unicodedata.combining(char) > 0


@cache
def _codepoints(path: Path) -> frozenset[int]:
    """Every character the TrueType font at `path` maps to a glyph, read from its `cmap` table."""
    data = path.read_bytes()
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {data[at : at + 4]: struct.unpack_from(">I", data, at + 8)[0] for at in range(12, 12 + 16 * count, 16)}
    cmap = tables[b"cmap"]
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    subtables = {}
    for at in range(cmap + 4, cmap + 4 + 8 * count, 8):
        platform, encoding, offset = struct.unpack_from(">HHI", data, at)
        subtables[platform, encoding] = cmap + offset
    for key in ((3, 10), (0, 4), (3, 1), (0, 3)):  # Unicode, full range first
        if key in subtables:
            return _mapped(data, subtables[key])
    raise ValueError(f"{path.name}: no Unicode cmap subtable")


def _mapped(data: bytes, at: int) -> frozenset[int]:
    """The characters a cmap subtable (format 4 or 12) maps to a real glyph (not glyph 0, `.notdef`)."""
    (kind,) = struct.unpack_from(">H", data, at)
    if kind == 12:
        (groups,) = struct.unpack_from(">I", data, at + 12)
        spans = (struct.unpack_from(">III", data, group) for group in range(at + 16, at + 16 + 12 * groups, 12))
        return frozenset(
            char for first, last, glyph in spans for char in range(first, last + 1) if glyph + char - first
        )
    if kind != 4:
        raise ValueError(f"cmap subtable format {kind} is not read; subset the font again (format 4 or 12)")
    (segments,) = struct.unpack_from(">H", data, at + 6)
    ends, starts = at + 14, at + 16 + segments
    deltas, range_offsets = starts + segments, starts + 2 * segments
    mapped = set()
    for field in range(0, segments, 2):
        (last,), (first,) = struct.unpack_from(">H", data, ends + field), struct.unpack_from(">H", data, starts + field)
        (delta,), (range_offset,) = (
            struct.unpack_from(">H", data, deltas + field),
            struct.unpack_from(">H", data, range_offsets + field),
        )
        for char in range(first, min(last, 0xFFFE) + 1):
            if range_offset:
                (glyph,) = struct.unpack_from(">H", data, range_offsets + field + range_offset + 2 * (char - first))
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            else:
                glyph = (char + delta) & 0xFFFF
            if glyph:
                mapped.add(char)
    return frozenset(mapped)
