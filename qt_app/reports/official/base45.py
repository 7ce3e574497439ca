"""Base45 (RFC 9285): bytes as text in the QR code's alphanumeric alphabet (two bytes → three characters)."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}


def encode(data: bytes) -> str:
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        c, n = divmod(n, 45 * 45)
        b, a = divmod(n, 45)
        out += (ALPHABET[a], ALPHABET[b], ALPHABET[c])
    if len(data) % 2:
        b, a = divmod(data[-1], 45)
        out += (ALPHABET[a], ALPHABET[b])
    return "".join(out)


def decode(text: str) -> bytes:
    """Raises ValueError on characters outside the alphabet, a dangling character or an overflowing group."""
    if len(text) % 3 == 1:
        raise ValueError("base45: dangling character")
    try:
        values = [_INDEX[ch] for ch in text]
    except KeyError as e:
        raise ValueError(f"base45: {e.args[0]!r} is not in the alphabet") from None
    out = bytearray()
    for i in range(0, len(values), 3):
        group = values[i : i + 3]
        if len(group) == 3:
            n = group[0] + group[1] * 45 + group[2] * 45 * 45
            if n > 0xFFFF:
                raise ValueError("base45: group out of range")
            out += n.to_bytes(2, "big")
        else:
            n = group[0] + group[1] * 45
            if n > 0xFF:
                raise ValueError("base45: group out of range")
            out.append(n)
    return bytes(out)
