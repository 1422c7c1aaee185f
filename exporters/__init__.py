"""Exporters: pure functions from a meeting to document bytes (no Qt). See docs/export.md."""
