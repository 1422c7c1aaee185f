"""The XML namespaces and relationship types of a .docx."""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W}}}"
_R = f"{{{R}}}"
HYPERLINK_TYPE = R + "/hyperlink"
IMAGE_TYPE = R + "/image"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
CORE_TYPE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
