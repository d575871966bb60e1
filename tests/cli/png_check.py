"""Says whether a PNG screenshot shows something: the share of pixels that are not white and
how many distinct colours there are. Only the standard library (zlib), so that the test needs
no imaging package.

Usage: png_check.py FILE.png MIN_PERCENT_NON_WHITE MIN_COLOURS
Prints "WIDTHxHEIGHT ok" when both minimums are met, else what was found; exit code 0 or 1.
"""
import struct
import sys
import zlib

CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # greyscale, RGB, greyscale+alpha, RGBA


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def rows(path):
    """The image's size, channels and its unfiltered rows of bytes (8-bit, not interlaced)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace:
        raise SystemExit(f"{path}: depth {depth}, colour type {colour}, interlace {interlace} not supported")
    bpp = CHANNELS[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    out = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upper_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], upper_left)) & 0xFF
        out.append(bytes(line))
        prev = line
    return width, height, bpp, out


def main():
    path, min_percent, min_colours = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    width, height, bpp, lines = rows(path)
    colours, non_white = set(), 0
    shown = 3 if bpp >= 3 else 1  # alpha left out: chromium's screenshots are opaque
    for line in lines:
        for x in range(0, len(line), bpp):
            pixel = line[x:x + shown]
            colours.add(pixel)
            if min(pixel) < 245:
                non_white += 1
    percent = 100.0 * non_white / (width * height)
    if percent > min_percent and len(colours) >= min_colours:
        print(f"{width}x{height} ok")
        return 0
    print(f"{width}x{height}: {percent:.2f}% not white, {len(colours)} colours")
    return 1


if __name__ == "__main__":
    sys.exit(main())
