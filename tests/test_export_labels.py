"""Label tables: complete in every language, dates written out, broken tables refused clearly."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest

from exporters import labels as labels_module
from exporters.errors import ExportError
from exporters.labels import Labels, available_languages, load_labels


def test_three_complete_tables():
    assert available_languages() == ("en", "es", "fr")
    for language in ("fr", "en", "es"):
        raw = json.loads(resources.files("resources.labels").joinpath(f"{language}.json").read_text("utf-8"))
        assert list(raw) == list(Labels._fields)
        table = load_labels(language)
        assert all(value for value in table)
        assert len(table.months) == 12


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Rappel du Programme", "Compte-rendu de la réunion", "Session Débat", "En présentiel"]),
        ("en", ["Programme Overview", "Report of the Meeting", "Debate Session", "In Person"]),
        ("es", ["Recordatorio del Programa", "Informe de la reunión", "Sesión de Debate", "Presencial"]),
    ],
)
def test_captions(language, expected):
    table = load_labels(language)
    assert [
        table.programme_heading,
        table.report_heading,
        table.debate_heading,
        table.in_person_heading,
    ] == expected


def test_french_reference_captions():
    fr = load_labels("fr")
    assert fr.programme_columns == ("Programme", "Session", "Format")
    assert fr.participant_columns == ("Prénom", "Nom", "Organisation")
    assert (fr.remote, fr.online, fr.programme_debate) == ("(à distance)", "en ligne", "Débat")
    assert fr.participants_heading == "Liste des participant.e.s"
    assert fr.remote_heading == "A distance"
    assert fr.photos == "Les photos de cette journée de travail sont disponibles au lien suivant :"


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("fr", dt.date(2023, 12, 12), "12 décembre 2023, 10:00-17:30 CET"),
        ("fr", dt.date(2024, 3, 1), "1er mars 2024, 10:00-17:30 CET"),
        ("en", dt.date(2023, 12, 12), "12 December 2023, 10:00-17:30 CET"),
        ("es", dt.date(2024, 2, 1), "1 de febrero de 2024, 10:00-17:30 CET"),
    ],
)
def test_date_lines(language, day, expected):
    assert load_labels(language).write_date_line(day, dt.time(10), dt.time(17, 30), "CET") == expected


def test_times_without_leading_zero_and_partial():
    fr = load_labels("fr")
    assert fr.write_times(dt.time(9, 30), dt.time(10)) == "9:30-10:00"
    assert fr.write_times(None, dt.time(10)) == "10:00"
    assert fr.write_times(None, None) == ""
    assert fr.write_date_line(dt.date(2023, 12, 12), None, None, "CET") == "12 décembre 2023"
    assert fr.write_date_line(dt.date(2023, 12, 12), dt.time(10), None, "") == "12 décembre 2023, 10:00"


def test_unknown_language():
    with pytest.raises(ExportError, match='no label table for the language "de" \\(available: en, es, fr\\)'):
        load_labels("de")
    with pytest.raises(ExportError):
        load_labels("../fr")


def test_broken_tables_are_refused(tmp_path, monkeypatch):
    good = json.loads(resources.files("resources.labels").joinpath("fr.json").read_text("utf-8"))
    folder = tmp_path / "labels"
    folder.mkdir()
    (folder / "zz.json").write_text(json.dumps({k: v for k, v in good.items() if k != "photos"}), "utf-8")
    (folder / "zy.json").write_text(json.dumps({**good, "months": ["janvier"]}), "utf-8")
    (folder / "zx.json").write_text(json.dumps({**good, "date": "{jour}"}), "utf-8")
    (folder / "zw.json").write_text("{", "utf-8")
    monkeypatch.setattr(labels_module.resources, "files", lambda _package: folder)
    load_labels.cache_clear()
    try:
        with pytest.raises(ExportError, match="incomplete or wrong \\(missing photos\\)"):
            load_labels("zz")
        with pytest.raises(ExportError, match='"months" must list 12 texts'):
            load_labels("zy")
        with pytest.raises(ExportError, match="broken date or time pattern"):
            load_labels("zx")
        with pytest.raises(ExportError, match="cannot be read"):
            load_labels("zw")
    finally:
        load_labels.cache_clear()
