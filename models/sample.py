"""The meetings shipped with Minutier, in the interchange format.

The 2023 working-group meeting seeds a new database (``load_sample``). The
2025 coordination committee (numbered agenda, roles, proxies, quorum,
decisions, a procès-verbal) is the committee-shaped sample: loaded on
request only, so a new database holds what it always held.
"""

from __future__ import annotations

from importlib import resources

from sqlalchemy.orm import Session

from models import interchange
from models.entities import Meeting

SAMPLE_PACKAGE = "resources.samples"
SAMPLE_FILE = "meeting-2023.json"
COMMITTEE_FILE = "committee-2025.json"


def sample_text(name: str = SAMPLE_FILE) -> str:
    return resources.files(SAMPLE_PACKAGE).joinpath(name).read_text("utf-8")


def load_sample(session: Session) -> Meeting:
    return interchange.loads(session, sample_text())


def committee_text() -> str:
    return sample_text(COMMITTEE_FILE)


def load_committee_sample(session: Session) -> Meeting:
    return interchange.loads(session, committee_text())
