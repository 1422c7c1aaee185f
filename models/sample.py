"""The 2023 meeting shipped with Minutier, in the interchange format."""

from __future__ import annotations

from importlib import resources

from sqlalchemy.orm import Session

from models import interchange
from models.entities import Meeting

SAMPLE_PACKAGE = "resources.samples"
SAMPLE_FILE = "meeting-2023.json"


def sample_text() -> str:
    return resources.files(SAMPLE_PACKAGE).joinpath(SAMPLE_FILE).read_text("utf-8")


def load_sample(session: Session) -> Meeting:
    return interchange.loads(session, sample_text())
