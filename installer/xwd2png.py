"""Convert an XWD screen dump (what ``Xvfb -fbdir DIR`` keeps in ``DIR/Xvfb_screen0``) to PNG. Standard library
only, so installer/test-deb.sh can take screenshots without ImageMagick or xwd.

    python3 installer/xwd2png.py DIR/Xvfb_screen0 shot.png

Handles the TrueColor layouts Xvfb writes (24/32 bits per pixel, either byte order). Prints the size and the
number of distinct colours (a blank screen has one).
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path


def _channel(pixel: int, mask: int) -> int:
    shift = (mask & -mask).bit_length() - 1
    top = mask >> shift
    return ((pixel & mask) >> shift) * 255 // top if top else 0


def read_xwd(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, RGB bytes) of an XWD file."""
    fields = struct.unpack(">25I", data[:100])
    header_size, version = fields[0], fields[1]
    if version != 7:
        raise ValueError(f"not an XWD version 7 file (version {version})")
    width, height = fields[4], fields[5]
    byte_order, bpp, bytes_per_line = fields[7], fields[11], fields[12]
    red, green, blue = fields[14], fields[15], fields[16]
    ncolors = fields[19]
    if bpp not in (24, 32):
        raise ValueError(f"{bpp} bits per pixel is not supported")
    offset = header_size + 12 * ncolors
    step = bpp // 8
    endian = "little" if byte_order == 0 else "big"
    rows = []
    for y in range(height):
        line = data[offset + y * bytes_per_line : offset + y * bytes_per_line + width * step]
        if (red, green, blue) == (0xFF0000, 0xFF00, 0xFF) and step == 4 and endian == "little":
            # BGRX, the usual case: reorder with slicing instead of per pixel.
            row = bytearray(width * 3)
            row[0::3], row[1::3], row[2::3] = line[2::4], line[1::4], line[0::4]
        else:
            row = bytearray()
            for x in range(width):
                pixel = int.from_bytes(line[x * step : (x + 1) * step], endian)
                row += bytes((_channel(pixel, red), _channel(pixel, green), _channel(pixel, blue)))
        rows.append(bytes(row))
    return width, height, b"".join(rows)


def write_png(path: Path, width: int, height: int, rgb: bytes) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    stride = width * 3
    raw = b"".join(b"\x00" + rgb[y * stride : (y + 1) * stride] for y in range(height))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    path.write_bytes(png)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    width, height, rgb = read_xwd(Path(argv[1]).read_bytes())
    write_png(Path(argv[2]), width, height, rgb)
    colours = len({rgb[i : i + 3] for i in range(0, len(rgb), 3 * 7)})  # every 7th pixel is plenty
    print(f"{argv[2]}: {width}x{height}, {colours} colours")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
