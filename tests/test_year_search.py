"""Search across meetings: real database, notes of several years, the roster, the cache kept honest."""

from __future__ import annotations

import json
import sqlite3

import pytest

from models import interchange
from models.entities import Block, Meeting, Person
from models.sample import sample_text
from models.services import search
from models.services.people import add_person
from models.services.report import update_block

pytestmark = pytest.mark.both_backends


def add_years(db, years):
    ids = {}
    for year in years:
        data = json.loads(sample_text())
        data["meeting"]["date"] = f"{year}-12-12"
        block = data["report"][0]["blocks"][0]
        block["text"] += f"\n\nUn mot propre à cette année : Kaléidoscope{year}."
        with db.transaction() as session:
            ids[year] = interchange.import_data(session, data).id
    return ids


def test_finds_a_word_from_the_notes_of_a_given_year(db):
    ids = add_years(db, (2021, 2022, 2023))
    with db.reading() as session:
        found = search.search(session, "kaleidoscope2022")  # case and accents ignored
        assert [g.meeting_id for g in found.groups] == [ids[2022]]
        (hit,) = found.groups[0].hits
        assert (hit.tab, hit.kind, hit.field) == ("report", "block", "text")
        block = session.get(Block, hit.object_id)
        assert block.section.meeting_id == ids[2022]
        assert "Kaléidoscope2022" in hit.snippet and hit.snippet.startswith("… ")
        assert found.groups[0].date.year == 2022 and found.total == 1 and not found.truncated


def test_people_programme_and_meeting_texts_grouped_by_meeting_newest_first(db):
    ids = add_years(db, (2022, 2023))
    with db.transaction() as session:
        loner = add_person(session, first_name="Sami", last_name="Kanaanovic").id
    with db.reading() as session:
        found = search.search(session, "SAMI kanaan")  # every word, any order, in one field
        assert [g.meeting_id for g in found.groups] == [ids[2023], ids[2022], None]
        kinds = {(h.tab, h.kind) for h in found.groups[0].hits}
        assert ("participants", "attendance") in kinds and ("programme", "programme_person") in kinds
        assert ("report", "block") in kinds  # his intervention's speaker line
        roster_only = found.groups[-1]
        assert [(h.kind, h.object_id) for h in roster_only.hits] == [("person", loner)]
        # Organisation, with the accent typed or not; programme titles; the meeting's own texts.
        assert search.search(session, "geneve").total == search.search(session, "Genève").total > 0
        titles = search.search(session, "deplacement interne")
        assert any(h.kind == "programme_item" for g in titles.groups for h in g.hits)
        venue = search.search(session, "Eynard")
        assert any(h.tab == "meeting" and h.field == "venue" for g in venue.groups for h in g.hits)
        # Order inside a meeting: the meeting's texts, participants, programme, then notes.
        order = [h.tab for h in search.search(session, "geneve").groups[0].hits]
        ranks = {"meeting": 0, "participants": 1, "programme": 2, "report": 3}
        assert order == sorted(order, key=ranks.get)
        assert search.search(session, "   ").groups == ()
        assert search.search(session, "zzzqqq").total == 0


def test_limit_marks_results_truncated(db):
    add_years(db, (2023,))
    with db.reading() as session:
        found = search.search(session, "e", limit=20)
        assert found.truncated and sum(len(g.hits) for g in found.groups) == 20


def test_results_follow_every_change(db, db_path):
    ids = add_years(db, (2023,))
    with db.reading() as session:
        assert search.search(session, "Zanzibar").total == 0
        block_id = session.get(Meeting, ids[2023]).sections[0].blocks[0].id
    # A change through the application…
    with db.transaction() as session:
        update_block(session, block_id, text="Retour de Zanzibar.")
    with db.reading() as session:
        assert search.search(session, "zanzibar").total == 1
    # …a change rolled back (the search inside the transaction saw it, the next one must not)…
    try:
        with db.transaction() as session:
            session.get(Person, 1).organisation = "Tombouctou"
            session.flush()
            assert search.search(session, "tombouctou").total == 1
            raise RuntimeError("cancel")
    except RuntimeError:
        pass
    with db.reading() as session:
        assert search.search(session, "tombouctou").total == 0
    # …and a change by another program writing the same file.
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE block SET text = 'Escale à Valparaíso.' WHERE id = ?", (block_id,))
    con.close()
    with db.reading() as session:
        assert search.search(session, "zanzibar").total == 0
        assert search.search(session, "valparaiso").total == 1


def test_snippet_maps_folded_positions_back():
    text = "Straße " * 30 + "Œuvre de Ñandú au cœur " + "x " * 80
    cut = search.snippet(text, ["nandu"])
    assert "Ñandú" in cut and cut.startswith("… ") and cut.endswith(" …")
    assert search.snippet("court", ["zz"]) == "court"


def test_decisions_are_found_by_number_text_owner_and_follow_up_and_after_each_edit(db):
    from models.services import decisions

    ids = add_years(db, (2022, 2023))
    with db.transaction() as session:
        first = decisions.add_decision(
            session, ids[2022], text="Créer un fonds d'urgence", owner_text="Cités Unies France"
        )
        carried = decisions.add_decision(
            session, ids[2023], number=first.number, text="Créer un fonds d'urgence", previous_id=first.id
        )
        first_id, carried_id = first.id, carried.id
    with db.reading() as session:
        found = search.search(session, "FONDS urgence")
        assert [g.meeting_id for g in found.groups] == [ids[2023], ids[2022]]
        assert [(h.tab, h.kind, h.object_id, h.field, h.label) for g in found.groups for h in g.hits] == [
            ("decisions", "decision", carried_id, "text", "2022-01"),
            ("decisions", "decision", first_id, "text", "2022-01"),
        ]
        found = search.search(session, "cites unies")  # the sample names them too, in its texts
        owned = [(h.object_id, h.field) for g in found.groups for h in g.hits if h.kind == "decision"]
        assert owned == [(first_id, "owner_text")]
        assert search.search(session, "2022-01").total == 2
        assert search.search(session, "devis").total == 0
    with db.transaction() as session:
        decisions.update_decision(session, carried_id, follow_up="Devis reçus en mars")
    with db.reading() as session:
        (group,) = search.search(session, "devis recus").groups
        assert [(h.object_id, h.field) for h in group.hits] == [(carried_id, "follow_up")]
