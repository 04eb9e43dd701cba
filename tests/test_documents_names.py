"""One evaluation, one set of names (issue 13, must show 3): on the founding sample, which holds
the Council's results, the decision's list, the certificates and the site's honour roll (the
public projection, as the site builds it) name the same people and collectives, spelled the
same; the Tờ trình's list is the roll's proposals to the city."""

from __future__ import annotations

import unicodedata

import pytest

from generator.documents import names
from generator.site.bundle import make_bundle
from generator.site.views import HonourEntry
from tests.builders.documents import (
    CONFIG,
    decision,
    list_names,
    pdf_pages_text,
    proposal,
    sample_documents,
)


@pytest.fixture(scope="module")
def roll() -> tuple[HonourEntry, ...]:
    view = make_bundle(CONFIG, None).view
    assert view is not None and not view.honour_provisional  # the sample has Council results
    return view.honour


def _certificate_names() -> list[str]:
    pages = pdf_pages_text(sample_documents()[names.CERTIFICATES])[1:]  # after calibration
    return [unicodedata.normalize("NFC", page).splitlines()[0] for page in pages]


def test_decision_list_certificates_and_honour_roll_are_one_set(
    roll: tuple[HonourEntry, ...],
) -> None:
    awarded = [e.name for e in roll if not e.proposal]
    listed = list_names(decision())
    assert len(listed) == 4
    assert sorted(listed) == sorted(_certificate_names()) == sorted(awarded)
    assert listed == _certificate_names()  # same order too: one page per row of the list


def test_the_proposal_lists_the_rolls_proposals(roll: tuple[HonourEntry, ...]) -> None:
    proposed = [e.name for e in roll if e.proposal]
    assert sorted(list_names(proposal())) == sorted(proposed) == ["Lê Hoàng Phúc", "Phòng Tổng hợp"]


def test_together_they_are_the_whole_roll(roll: tuple[HonourEntry, ...]) -> None:
    both = list_names(decision()) + list_names(proposal())
    assert sorted(both) == sorted(e.name for e in roll)
    assert all(unicodedata.is_normalized("NFC", name) for name in both)
