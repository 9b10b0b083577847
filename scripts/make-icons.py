#!/usr/bin/env python3
"""Draws Coopol's app icons (a white "C" on the party red) as PNGs with only the standard
library, so no image tool is needed. Re-run after changing the design; the PNGs are committed."""
import math
import struct
import zlib
from pathlib import Path

RED = (181, 18, 43)
WHITE = (255, 255, 255)


def png(path: Path, size: int, scale: float) -> None:
    """scale: outer radius of the C as a fraction of the half-size (maskable icons use less)."""
    rows = []
    c = size / 2
    outer, inner = c * scale, c * scale * 0.58
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            # 4x4 supersampling for smooth edges
            hits = 0
            for sy in range(4):
                for sx in range(4):
                    px, py = x + (sx + 0.5) / 4 - c, y + (sy + 0.5) / 4 - c
                    r = math.hypot(px, py)
                    angle = math.degrees(math.atan2(py, px))
                    in_ring = inner <= r <= outer and not (-40 <= angle <= 40)
                    in_dot = math.hypot(px - outer * 0.62, py) <= (outer - inner) * 0.5
                    hits += in_ring or in_dot
            a = hits / 16
            row += bytes(round(RED[i] * (1 - a) + WHITE[i] * a) for i in range(3))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "public" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    png(out / "icon-192.png", 192, 0.72)
    png(out / "icon-512.png", 512, 0.72)
    png(out / "icon-maskable-512.png", 512, 0.55)
