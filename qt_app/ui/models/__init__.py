"""Item models over the store and the editor's tables (Qt model/view, no SQL here)."""
