"""Text folded for matching: the program's one folding, models.text_keys.fold.

Kept as a name for the Participants tab's modules; a folding of its own
once drifted from the search's (« Sigurðsson » was not found from
« sigurdsson »), so there is no other.
"""

from __future__ import annotations

from models.text_keys import fold

__all__ = ["fold"]
