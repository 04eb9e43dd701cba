"""The founding campaign's sample data against the hand-computed oracle."""

from pathlib import Path

import pytest

from generator.judge.pipeline import run
from tests import sample_expectations as expected

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"


@pytest.fixture(scope="module")
def result():
    return run(CONFIG)


def _outcomes(result, kind):
    return {o.key: o for o in result.outcomes if o.kind == kind}


def test_sample_validates_with_only_the_designed_warnings(result):
    assert result.ok
    warnings = sorted((i.code, i.file, i.row) for i in result.issues)
    codes = {code for code, _, _ in warnings}
    assert codes == {"votes-missing", "discipline-inconsistent", "council-differs"}


def test_every_row_is_accounted_for(result):
    for count in result.dataset.counts:
        assert count.read == count.accepted + count.rejected
        assert count.rejected == 0
    assert len(result.dataset.nominees) == expected.COUNTS["nominees"]
    assert len(result.dataset.initiatives) == expected.COUNTS["initiatives"]
    assert len(result.dataset.units) == expected.COUNTS["departments"]


def test_every_nominee_has_the_expected_status_and_criteria(result):
    got = {
        key: (o.status.value, {c.id: c.met for c in o.criteria})
        for key, o in _outcomes(result, "individual").items()
    }
    assert got == expected.INDIVIDUALS


def test_every_department_has_the_expected_collective_status(result):
    got = {
        key: (o.status.value, {c.id: c.met for c in o.criteria})
        for key, o in _outcomes(result, "collective").items()
    }
    want = {k: v for k, v in expected.COLLECTIVES.items() if v[0] is not None}
    assert got == want
    not_candidates = {k for k, v in expected.COLLECTIVES.items() if v[0] is None}
    assert not_candidates == {
        u for u, s in result.dataset.submissions.items() if not s.is_candidate
    }


def test_every_status_occurs(result):
    statuses = {o.status.value for o in result.outcomes}
    assert statuses >= {
        "not-eligible", "dossier-incomplete", "late", "eligible",
        "within-quota", "over-quota", "tie", "not-awarded", "proposed", "awarded",
    }  # fmt: skip


def test_staff_are_told_of_council_differences_and_register_contradictions(result):
    differs = [i for i in result.issues if i.code == "council-differs"]
    assert [i.message.split(" cho ")[1].split(" ")[0] for i in differs] == expected.COUNCIL_DIFFERS
    inconsistent = [i for i in result.issues if i.code == "discipline-inconsistent"]
    nominees = {(n.loc.file, n.loc.row): n.staff_code for n in result.dataset.nominees}
    assert [nominees[(i.file, i.row)] for i in inconsistent] == expected.DISCIPLINE_INCONSISTENT


def test_department_initiative_counts(result):
    got = {o.key: o.recognised_initiatives for o in _outcomes(result, "collective").values()}
    candidates = {k for k, v in expected.COLLECTIVES.items() if v[0] is not None}
    assert got == {k: v for k, v in expected.DEPARTMENT_INITIATIVES.items() if k in candidates}


def test_nominee_initiative_counts(result):
    got = {o.key: o.recognised_initiatives for o in _outcomes(result, "individual").values()}
    want = {
        key: expected.NOMINEE_INITIATIVES_OVER_ONE.get(key, 1) if criteria["CN2"] else 0
        for key, (_, criteria) in expected.INDIVIDUALS.items()
    }
    assert got == want


def test_missing_department_has_no_submission(result):
    for unit in expected.MISSING_DEPARTMENTS:
        assert unit not in result.dataset.submissions
        assert result.dataset.unit(unit) is not None


def test_the_criteria_result_stays_beside_the_councils(result):
    changed = {
        o.key: o.computed_status.value
        for o in result.outcomes
        if o.council or (o.status.value == "not-awarded")
    }
    assert changed == expected.CRITERIA_STATUS
    for o in result.outcomes:
        if o.key not in expected.CRITERIA_STATUS:
            assert o.status == o.computed_status, o.key


def test_decided_quota_groups(result):
    decided = {
        (o.kind, o.unit if o.kind == "individual" else "")
        for o in result.outcomes
        if o.group_decided
    }
    assert decided == expected.DECIDED_GROUPS


def _roll(bundle, wanted):
    """The honour roll as {kind: sorted (unit, name)} (the views carry no staff code)."""
    out = {"individual": [], "collective": []}
    for e in bundle.view.honour:
        if wanted(e):
            out[e.kind].append((e.unit_code, e.name))
    return {k: sorted(v) for k, v in out.items()}


def _named(bundle, codes):
    """Hand-written staff codes / unit codes → the same shape as :func:`_roll`."""
    people = {n.staff_code: (n.unit, n.name) for n in bundle.result.dataset.nominees}
    units = {u.code: (u.code, u.name) for u in bundle.result.dataset.units}
    return {
        "individual": sorted(people[c] for c in codes["individual"]),
        "collective": sorted(units[c] for c in codes["collective"]),
    }


@pytest.fixture(scope="module")
def after_council():
    from generator.site.bundle import make_bundle

    return make_bundle(CONFIG, with_history=False)


@pytest.fixture(scope="module")
def before_council(tmp_path_factory):
    from generator.site.bundle import make_bundle
    from tests.builders.sample_campaign import write_sample_campaign

    data = tmp_path_factory.mktemp("before-council") / "data"
    write_sample_campaign(data)
    (data / "hoi-dong.xlsx").unlink()
    bundle = make_bundle(CONFIG, data, with_history=False)
    assert bundle.ok
    return bundle


def test_honour_roll_before_the_council_is_everyone_within_quota(before_council):
    view = before_council.view
    assert view.honour_provisional
    roll = _roll(before_council, lambda e: True)
    assert roll == _named(before_council, expected.HONOUR_BEFORE_COUNCIL)
    assert all(e.provisional and not e.proposal for e in view.honour)


def test_honour_roll_after_the_council_holds_only_its_decisions_and_proposals(after_council):
    view = after_council.view
    assert not view.honour_provisional
    decisions = _roll(after_council, lambda e: not e.proposal)
    assert decisions == _named(after_council, expected.HONOUR_DECISIONS)
    proposals = _roll(after_council, lambda e: e.proposal)
    assert proposals == _named(after_council, expected.HONOUR_PROPOSALS)
    differs = _roll(after_council, lambda e: e.differs)
    assert differs == _named(
        after_council, {"individual": expected.COUNCIL_DIFFERS, "collective": ()}
    )
