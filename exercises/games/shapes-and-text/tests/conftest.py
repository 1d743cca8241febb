"""Reads the whole screen at once: game.frame() is a PNG, decoded here in plain Python."""

import struct
import zlib

import pytest


class Frame:
    """The screen as rows of (r, g, b) tuples: frame[x, y]."""

    def __init__(self, png):
        self.width, self.height, self.rows = decode_png(png)

    def __getitem__(self, xy):
        x, y = xy
        return self.rows[y][x]

    def ink(self, left, top, right, bottom, background):
        """The bounding box (left, top, right, bottom) of pixels that are not `background`, or None."""
        found = [(x, y) for y in range(max(top, 0), min(bottom, self.height))
                 for x in range(max(left, 0), min(right, self.width)) if self.rows[y][x] != background]
        if not found:
            return None
        xs, ys = [x for x, _ in found], [y for _, y in found]
        return min(xs), min(ys), max(xs), max(ys)

    def region(self, left, top, right, bottom):
        return [row[left:right] for row in self.rows[top:bottom]]


def decode_png(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("the screen capture is not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {color})")
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if kind:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                if kind == 1:
                    line[i] = (line[i] + a) & 255
                elif kind == 2:
                    line[i] = (line[i] + b) & 255
                elif kind == 3:
                    line[i] = (line[i] + (a + b) // 2) & 255
                else:
                    c = previous[i - bpp] if i >= bpp else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        previous = line
    return width, height, rows


@pytest.fixture
def capture(game):
    """capture() -> the current screen as a Frame."""
    return lambda: Frame(game.frame())
