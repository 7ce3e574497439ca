"""PDF reports with reportlab (no Qt, no SQL): the offer letter, its snapshot and signature, verification.

- `fonts` — the bundled CJK font, registered once, embedded as a subset
- `texts` — the editable letter wording (resources/letters/letter_texts.yaml)
- `snapshot` — the frozen content of a letter and its content hash
- `signing` — Ed25519 keys and the signed QR payload
- `letter_pdf`, `chart`, `qr` — the layout
- `pdf_read`, `verify` — reading a letter PDF back and checking it offline
"""
