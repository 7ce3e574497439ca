"""Offer letters in the app (告知函): the register panel, preview, print, save, batch and the verify dialog.

Widgets only; every rule lives in `qt_app.services.letters`. Mount with
`LettersPanel(session, parent)`; `VerifyDialog(session, parent)` checks a PDF or a scanned QR text.
"""
