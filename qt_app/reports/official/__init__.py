"""The county's document kit: what makes a PDF look and verify like a letter from 青田县投资促进中心.

Reusable by any document the office issues (the offer letter today, the 兑现审核表 next):
- `fonts` — the bundled faces, registered lazily, and the per-role chains that find a glyph for every
  character (a missing one is reported, never printed as a gap)
- `styles` — GB/T 9704 page geometry and paragraph styles (3号仿宋 body, 2号小标宋 title, 黑体/楷体 headings)
- `blocks` — flowables: the balanced title, the signature with its 42 mm seal area and QR code, tables that
  split without orphan rows, the 版记 at the foot of the last page
- `canvas` — page furniture (letterhead, "— 2 —" page numbers, footer with 共 N 页, running head, draft
  watermark) and sealing: each page's visible text is digested, signed, and the QR code drawn, in one pass
- `digest` — the version-independent canonical form of a page and the signed document digest
- `payload`, `base45`, `qr`, `qr_read` — the signed QR payload, its encoding, drawing and reading it back
"""
