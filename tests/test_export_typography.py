"""French typography rules, on the function itself."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporters.typography import NBSP, NNBSP, for_language, french, french_runs

CASES = [
    ("Il repose sur :", f"Il repose sur{NBSP}:"),
    ("Il repose sur:", f"Il repose sur{NBSP}:"),
    ("déjà\u00a0: non", f"déjà{NBSP}: non"),
    ("trop  : d'espaces", f"trop{NBSP}: d'espaces"),
    ("Quoi ? Non! Oui ;", f"Quoi{NNBSP}? Non{NNBSP}! Oui{NNBSP};"),
    ("le « Rendez-vous » et «x»", f"le «{NBSP}Rendez-vous{NBSP}» et «{NBSP}x{NBSP}»"),
    ("Vraiment ?!", f"Vraiment{NNBSP}?!"),
    ("(?) et ?", f"(?) et{NNBSP}?"),
    ("de 10:00 à 17:30, 9:30-10:00", "de 10:00 à 17:30, 9:30-10:00"),
    ("ratio 3:2 et a:b", "ratio 3:2 et a:b"),
    ("lien : https://x.org/a?b=1;c=2!", f"lien{NBSP}: https://x.org/a?b=1;c=2!"),
    ("www.site.fr?q=1 !", f"www.site.fr?q=1{NNBSP}!"),
    ("écrire à mailto:a@b.fr ?", f"écrire à mailto:a@b.fr{NNBSP}?"),
    ("ligne\n: suite", "ligne\n: suite"),
    ("fin «", "fin «"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_french_rules(text, expected):
    assert french(text) == expected


def test_space_goes_to_the_marks_run():
    assert french_runs(["Animateur", ": M. X"]) == ["Animateur", f"{NBSP}: M. X"]
    assert french_runs(["Animateur ", ": M. X"]) == ["Animateur", f"{NBSP}: M. X"]
    assert french_runs(["«", "Rendez-vous", "»"]) == [f"«{NBSP}", "Rendez-vous", f"{NBSP}»"]
    assert french_runs(["10", ":", "00"]) == ["10", ":", "00"]
    assert french_runs(["a", "", "b ?"]) == ["a", "", f"b{NNBSP}?"]


def test_other_languages_are_left_alone():
    assert for_language("en")(["Note : see « this » ?"]) == ["Note : see « this » ?"]
    assert for_language("es")(["¿Qué ?"]) == ["¿Qué ?"]
    assert for_language("fr")(["Note : vu"]) == [f"Note{NBSP}: vu"]


# No "/", "w" or "@": URLs are a separate, hand-tested rule.
TEXT = st.text(alphabet="ab1 :;!?«»()\n\u00a0\u202f", max_size=40)
SPACES = " \u00a0\u202f"


@given(TEXT)
def test_only_spaces_change(text):
    strip = str.maketrans("", "", SPACES)
    assert french(text).translate(strip) == text.translate(strip)


@given(TEXT)
def test_idempotent(text):
    assert french(french(text)) == french(text)


@given(TEXT)
def test_no_ordinary_space_before_high_punctuation_and_no_doubling(text):
    out = french(text)
    assert not re.search("[ \t][:;!?»]|«[ \t]", out)
    assert not re.search(f"[{SPACES}]{{2}}[:;!?»]|«[{SPACES}]{{2}}", out)


@given(st.lists(TEXT, min_size=1, max_size=5))
def test_runs_agree_with_the_whole_text(parts):
    out = french_runs(parts)
    assert len(out) == len(parts)
    assert "".join(out) == french("".join(parts))
