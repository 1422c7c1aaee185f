"""Folding and keys: the fast path for long texts gives exactly what the general one does."""

from __future__ import annotations

import random

from models.text_keys import _fold_any, fold, key, key_many, sort_key


def test_fold_and_key_examples():
    assert fold("Öznur Sarahmetoğlu à GENÈVE") == "oznur sarahmetoglu a geneve"
    assert fold("Łódź, Tromsø, Straße, Œuvre") == "lodz, tromso, strasse, oeuvre"
    assert key("  Anne-Lise   O'Brien_ ") == "anne lise o brien"
    assert sort_key("Ékoué") < sort_key("Healy") < sort_key("van Dijk") < sort_key("Ward")
    assert sort_key("", "", "Global Cities Hub") == ("global cities hub", "", "global cities hub")


def test_long_texts_fold_as_short_ones():
    rng = random.Random(7)
    everything = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    latin = [chr(c) for c in [*range(0x20, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00)]]
    for pool in (everything, latin):
        for _ in range(60):
            text = "".join(
                rng.choice(pool) if rng.random() < 0.3 else rng.choice("aéÈçßæµ Øþÿ\xa0¼ş")
                for _ in range(1500)
            )
            assert fold(text) == _fold_any(text)
        whole = "".join(pool)
        assert fold(whole) == _fold_any(whole)


def test_many_at_once_equals_one_by_one():
    texts = ["Anne-Lise ", "Ødegaard", "", "O'Brien  Jr_", "Şişli", "x\x1ey", "É" * 600]
    assert key_many(texts) == [key(t) for t in texts]
