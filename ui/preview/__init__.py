"""The live preview of the compte-rendu, beside the editor (exporters/html_preview.py draws it)."""
