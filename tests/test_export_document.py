"""The 2023 sample exported from a real SQLite file and read back with python-docx."""

from __future__ import annotations

import io
import json
import re
import unicodedata

import docx
import pytest
from docx.oxml.ns import qn

from exporters.compte_rendu import export_meeting
from models.sample import sample_text
from models.services import meetings
from models.services.reading import record_of

FLICKR = "https://www.flickr.com/photos/uclg/albums/72177720313490276/with/53407434102"


def export(db, meeting_id: int, language: str | None = None) -> bytes:
    with db.reading() as session:
        return export_meeting(record_of(meetings.resolve(session, str(meeting_id))), language=language)


@pytest.fixture
def data(db, sample_id) -> bytes:
    return export(db, sample_id)


@pytest.fixture
def document(data):
    return docx.Document(io.BytesIO(data))


def flat(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def texts_in_order(document) -> list[str]:
    """Every paragraph's text, table cells included, in reading order."""
    out = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                for cell in row.cells:
                    out.extend(p.text for p in cell.paragraphs)
        else:
            out.append(block.text)
    return out


def words(text: str) -> list[str]:
    """Letters and digits runs, accents and case folded: « 15km² » and « 15 km2 » agree."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.findall(r"[^\W\d_]+|\d+", plain.casefold())


def assert_in_order(expected: list[str], actual: list[str]) -> None:
    position = 0
    for index, word in enumerate(expected):
        try:
            position = actual.index(word, position) + 1
        except ValueError:
            context = " ".join(expected[max(0, index - 8) : index + 3])
            pytest.fail(f"word {index} «{word}» not found in order; reference around it: …{context}…")


def effective_bold(paragraph, run) -> bool:
    for value in (run.bold, run.style.font.bold if run.style else None, paragraph.style.font.bold):
        if value is not None:
            return value
    return False


# ---------------------------------------------------------------- content and order


def hour(value: str) -> str:
    """« 09:30 » as the printed programme writes it: « 9:30 »."""
    h, m = value.split(":")
    return f"{int(h)}:{m}"


def test_the_2023_minutes_read_in_order(document):
    """The printed 2023 minutes, word for word: the layout's own words (headings, captions, « en
    ligne ») between the data of the shipped sample, in the order the minutes have them."""
    sample = json.loads(sample_text())
    head = sample["meeting"]
    expected = [head["organisation"], head["body"], head["document_title"], head["title"], head["venue"]]
    expected += ["12 décembre 2023, 10:00-17:30 CET", head["introduction"], head["co_organisers"]]
    expected += ["Objectifs", head["objectives"], "Rappel du Programme", "Programme Session Format"]

    def people(entry):
        for person in entry["people"]:
            expected.extend([person["role_label"], person["name"], person["function"]])
            if person["remote"]:
                expected.append("(à distance)")

    for item in sample["programme"]:
        expected += [f"{hour(item['start'])}-{hour(item['end'])}", item["title"]]
        people(item)
        for sub in item["subtopics"]:
            expected.append(sub["title"])
            people(sub)
        if item["debate"] and item["kind"] != "debate":
            expected.append("Débat")
        expected.append(item["format"])
    expected.append("Compte-rendu de la réunion")

    def section(s):
        expected.append(s["title"])
        for block in s["blocks"]:
            if block["kind"] == "debate":
                expected.append("Session Débat")
            expected.extend([block["speaker"], block["subtitle"]])
            if block["online"]:
                expected.append("en ligne")
            expected.extend([block["question"], block["text"]])
        for child in s["sections"]:
            section(child)

    for s in sample["report"]:
        section(s)
    expected += ["Les photos de cette journée de travail sont disponibles au lien suivant :"]
    expected += [head["photo_album_url"], "Liste des participant.e.s"]
    people_by_ref = {p["ref"]: p for p in sample["people"]}
    for mode, caption in (("in_person", "En présentiel"), ("remote", "A distance")):
        expected += [caption, "Prénom Nom Organisation"]
        for row in sample["attendance"]:
            if row["mode"] == mode:
                person = people_by_ref[row["person"]]
                expected += [person["first_name"], person["last_name"], person["organisation"]]
    assert_in_order(words("\n".join(expected)), words("\n".join(texts_in_order(document))))


def test_every_word_of_the_data_appears_in_order(document):
    sample = json.loads(sample_text())
    head = sample["meeting"]
    expected = [head["organisation"], head["body"], head["document_title"], head["title"], head["venue"]]
    expected += [head["introduction"], head["co_organisers"], head["objectives"]]
    for item in sample["programme"]:
        expected.append(item["title"])
        for sub in item["subtopics"]:
            expected += [sub["title"]] + [p["name"] for p in sub["people"]]

    def section(s):
        expected.append(s["title"])
        for block in s["blocks"]:
            expected.extend([block["speaker"], block["subtitle"], block["question"], block["text"]])
        for child in s["sections"]:
            section(child)

    for s in sample["report"]:
        section(s)
    expected.append(head["photo_album_url"])
    people = {p["ref"]: p for p in sample["people"]}
    for mode in ("in_person", "remote"):
        for row in sample["attendance"]:
            if row["mode"] == mode:
                person = people[row["person"]]
                expected += [person["first_name"], person["last_name"], person["organisation"]]
    assert_in_order(words("\n".join(expected)), words("\n".join(texts_in_order(document))))


def test_no_markdown_markup_is_printed(document):
    text = "\n".join(texts_in_order(document))
    assert "*" not in text
    assert "](" not in text


def test_header_block_and_titles(document):
    styled = [(p.style.name, p.text) for p in document.paragraphs[:8]]
    assert styled == [
        ("Minutier Organisation", "CGLU"),
        ("Minutier Header Line", "Groupe de travail"),
        ("Minutier Header Line", "Prévention territoriale et gestion des crises"),
        ("Title", "COMPTE-RENDU"),
        (
            "Minutier Meeting Title",
            "Réunion annuelle du groupe de travail de CGLU pour la prévention et la gestion territoriale "
            "des crises",
        ),
        ("Minutier Venue", "Palais Anna et Jean-Gabriel Eynard, Genève, Suisse & en ligne"),
        ("Minutier Date", "12 décembre 2023, 10:00-17:30 CET"),
        ("Normal", document.paragraphs[7].text),
    ]
    assert document.styles["Minutier Organisation"].font.bold
    assert document.styles["Minutier Date"].font.italic
    assert document.paragraphs[7].text.startswith("Le groupe de travail de CGLU")


def test_headings_and_their_levels(document):
    headings = [
        (int(p.style.name.split()[-1]), flat(p.text))
        for p in document.paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert headings == [
        (2, "Objectifs"),
        (1, "Rappel du Programme"),
        (1, "Compte-rendu de la réunion"),
        (2, "Discours d'introduction"),
        (2, "I. L'importance de la diplomatie des villes face aux défis actuels"),
        (
            3,
            "État des lieux : Comment les territoires font face à des crises qui se chevauchent, "
            "en connectant le local au global ?",
        ),
        (
            3,
            "Prévention de conflits : La diplomatie des villes et le développement durable à l'heure "
            "des chocs mondiaux et des situations d'urgence complexes",
        ),
        (4, "Session Débat"),
        (2, "II. Solutions au déplacement interne : le programme d'action"),
        (
            3,
            "Résoudre le problème des déplacements internes : Le rôle des municipalités et des "
            "organisations internationales",
        ),
        (3, "Cadre conceptuel sur les solutions au déplacement interne urbain"),
        (4, "Session Débat"),
        (3, "Comment les autorités locales et régionales réagissent et font face au déplacement interne"),
        (4, "Session Débat"),
        (3, "Conclusions et recommandations"),
        (1, "Liste des participant.e.s"),
        (2, "En présentiel"),
        (2, "A distance"),
    ]


# ---------------------------------------------------------------- programme table


def programme(document):
    return document.tables[0]


def test_programme_table_rows_and_columns(document):
    table = programme(document)
    assert table.style.name == "Minutier Programme"
    rows = [row.cells for row in table.rows]
    assert len(rows) == 10
    assert [c.text for c in rows[0]] == ["Programme", "Session", "Format"]
    assert [r[0].text for r in rows[1:]] == [
        "9:30-10:00", "10:00-10:30", "10:30-11:45", "11:45-12:00", "12:00-13:15",
        "13:15-14:30", "14:30-16:30", "16:30-17:00", "17:00-17:30",
    ]  # fmt: skip
    assert [r[2].text for r in rows[1:]] == [
        "", "Plénière", "Plénière", "Plénière", "Plénière", "", "Plénière", "Plénière", "Plénière",
    ]  # fmt: skip
    assert table._tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_programme_titles_bold_except_breaks_and_meals(document):
    rows = [row.cells for row in programme(document).rows][1:]
    first = [r[1].paragraphs[0] for r in rows]
    bold = [all(effective_bold(p, run) for run in p.runs) for p in first]
    assert bold == [False, True, True, False, True, False, True, True, True]
    assert first[0].text == "Accueil et café de bienvenue"
    assert flat(first[2].text).startswith("État des lieux : comment les territoires")


def test_programme_moderators_speakers_and_debate(document):
    cell = programme(document).rows[3].cells[1]
    paragraphs = cell.paragraphs
    moderator = paragraphs[1]
    assert moderator.runs[0].text == "Animateur"
    assert moderator.runs[0].underline is True
    assert not moderator.runs[1].underline
    assert moderator.text == "Animateur\u00a0: Mr. Andras Szorenyi, Conseiller politique, Global Cities Hub"
    speakers = [p for p in paragraphs if p.style.name == "Minutier Table Bullet"]
    assert [p.text.split(",")[0] for p in speakers] == [
        "Mme Benedetta Oddo",
        "Mme Clare Hart",
        "M. Alexandru Osadci",
    ]
    assert [p.text.endswith("(à distance)") for p in speakers] == [True, False, True]
    assert paragraphs[-1].text == "Débat"
    numbering = document.styles["Minutier Table Bullet"].element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    assert numbering is not None

    animatrice = programme(document).rows[5].cells[1].paragraphs[1]
    assert animatrice.runs[0].text == "Animatrice" and animatrice.runs[0].underline


def test_programme_subtopics(document):
    cell = programme(document).rows[7].cells[1]
    titles = [flat(p.text) for p in cell.paragraphs if p.runs and effective_bold(p, p.runs[0])]
    assert titles == [
        "Solutions au déplacement interne : le programme d'action",
        "Résoudre le problème des déplacements internes : le rôle des municipalités et des organisations "
        "internationales",
        "Cadre conceptuel sur les solutions au déplacement interne urbain",
        "Comment les autorités locales et régionales réagissent et font face au déplacement interne",
    ]
    bullets = [p.text for p in cell.paragraphs if p.style.name == "Minutier Table Bullet"]
    assert len(bullets) == 7
    assert bullets[0].startswith("M. Robert Piper, Secrétaire général")
    assert bullets[4] == "M. Abdullahi Ali Watiin, Maire de Baidoa, Somalie (à distance)"


# ---------------------------------------------------------------- participants


def test_participant_tables(document):
    present, remote = document.tables[1], document.tables[2]
    assert present.style.name == remote.style.name == "Minutier Participants"
    present_rows = [[c.text for c in row.cells] for row in present.rows]
    remote_rows = [[c.text for c in row.cells] for row in remote.rows]
    assert present_rows[0] == remote_rows[0] == ["Prénom", "Nom", "Organisation"]
    assert len(present_rows) - 1 == 20
    assert len(remote_rows) - 1 == 23
    assert present_rows[1] == ["Sami", "Kanaan", "Ville de Genève"]
    assert present_rows[-1] == ["Louise", "Thaller", "IMPACT"]
    assert remote_rows[1] == ["Virginie", "Rouquette", "Cités Unies France"]
    assert remote_rows[-2] == ["Cate", "Osborn", "PNUD"]
    assert remote_rows[-1] == ["", "", "Global Cities Hub"]


# ---------------------------------------------------------------- report


def test_inline_speaker_names_are_bold(document):
    inline = [p for p in document.paragraphs if p.runs and p.runs[0].style.name == "Minutier Speaker Name"]
    names = [p.runs[0].text for p in inline]
    assert names == [
        f"{name}\u00a0:"
        for name in (
            "M. Sami Kanaan", "Mme Emilia Saiz", "M. Fabrizio Rossi", "M. Mehmet Duman", "M. Robert Piper",
            "M. Sanya Wilson", "Mme Clare Hart", "Mme Emilia Saiz",
        )
    ]  # fmt: skip
    for p in inline:
        assert effective_bold(p, p.runs[0])
        assert p.runs[1].text.startswith(" ")
        assert not effective_bold(p, p.runs[1])
    assert inline[0].text.startswith("M. Sami Kanaan\u00a0: Les crises sont une réalité permanente")


def test_speaker_lines_with_subtitle_or_online(document):
    lines = [p for p in document.paragraphs if p.style.name == "Minutier Speaker"]
    assert document.styles["Minutier Speaker"].font.bold
    assert document.styles["Minutier Speaker"].paragraph_format.keep_with_next
    assert [p.text for p in lines] == [
        "Mme Benedetta Oddo – Le cas libyen (en ligne)\u00a0:",
        "Mme Clare Hart – Vers de nouveaux modèles de partenariats\u00a0:",
        "M. Alexandru Osadci – Point de vue du Sud Global (en ligne)\u00a0:",
        "M. Pieter Jeroense – point de vue des Pays-Bas (en ligne)\u00a0:",
        "Mme Lucy Earle & M. Christophe Ward – Nouvelle initiative IIED/ONU-Habitat\u00a0:",
        "M. Knox Ryan – Étude de cas avec le projet Reslog\u00a0:",
        "M. Abdullahi Ali Watiin (en ligne)\u00a0:",
        "Mme Öznur Sarıahmetoğlu – Étude de cas du projet Reslog en Turquie\u00a0:",
    ]
    online = [run for p in lines for run in p.runs if run.text == "en ligne"]
    assert len(online) == 4 and all(run.italic for run in online)


def test_debates(document):
    paragraphs = document.paragraphs
    question = [p for p in paragraphs if p.style.name == "Minutier Question"]
    assert len(question) == 1
    assert question[0].text.startswith("Selon vous, quels sont les défis")
    assert question[0].text.endswith("promouvoir la paix\u202f?")
    assert document.styles["Minutier Question"].font.italic
    index = paragraphs.index(next(p for p in paragraphs if p.style.name == "Minutier Question"))
    assert paragraphs[index - 1].text == "Session Débat"
    points = paragraphs[index + 1 : index + 5]
    assert [p.style.name for p in points] == ["Minutier Bullet"] * 4
    assert points[0].text.startswith("La peur de l'immigration")


def test_markdown_bullets_use_the_bullet_numbering(document):
    bullets = [p for p in document.paragraphs if p.style.name == "Minutier Bullet"]
    assert len(bullets) == 4 + 3 + 6 + 9
    style_num = document.styles["Minutier Bullet"].element.find(
        f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}"
    )
    for p in bullets:
        num = p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        assert num.find(qn("w:ilvl")).get(qn("w:val")) == "0"
        assert num.find(qn("w:numId")).get(qn("w:val")) == style_num.get(qn("w:val"))


def test_french_typography_in_the_text(document):
    text = "\n".join(texts_in_order(document))
    assert "Il repose sur\u00a0:" in text
    assert "«\u00a0Rendez-vous de la diplomatie des territoires\u00a0»" in text
    assert "transformation pour se préparer à tout défi futur\u202f;" in text
    assert "10:00-17:30" in text and "9:30-10:00" in text
    assert not re.search(r" [:;!?»]", text), "an ordinary space is left before high punctuation"
    assert "\u00a0\u00a0" not in text and "\u202f\u202f" not in text


# ---------------------------------------------------------------- link, footer, package


def test_photo_album_hyperlink(document):
    links = document.element.body.findall(f".//{qn('w:hyperlink')}")
    assert len(links) == 1
    rel = document.part.rels[links[0].get(qn("r:id"))]
    assert rel.is_external and rel.target_ref == FLICKR
    assert "".join(t.text for t in links[0].iter(qn("w:t"))) == FLICKR
    paragraph = next(p for p in document.paragraphs if FLICKR in p.text)
    assert paragraph.text == (
        f"Les photos de cette journée de travail sont disponibles au lien suivant\u00a0:\n{FLICKR}"
    )
    assert links[0].find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "Hyperlink"


def test_footer_numbers_pages(document):
    footer = document.sections[0].footer._element
    assert [f.get(qn("w:fldCharType")) for f in footer.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
    assert [t.text.strip() for t in footer.iter(qn("w:instrText"))] == ["PAGE"]


def test_document_language_and_properties(document):
    lang = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert lang.get(qn("w:val")) == "fr-FR"
    assert document.core_properties.language == "fr-FR"
    assert document.core_properties.title.startswith("Réunion annuelle du groupe de travail")


def test_export_is_repeatable(db, sample_id, data):
    again = export(db, sample_id)
    first, second = docx.Document(io.BytesIO(data)), docx.Document(io.BytesIO(again))
    assert first.element.body.xml == second.element.body.xml


@pytest.mark.slow
def test_libreoffice_opens_the_document(tmp_path, data):
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "compte-rendu.docx"
    source.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "compte-rendu.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
