"""Wars as data: the War value, the war column, per-war validation and per-war queries.

Every count lives in a war. These tests hold the library to the promise that a claim about
another war, of any date, reconciles exactly like one of the bundled 2020 war, and that claims
of different wars never bear on each other.
"""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.errors import Reason
from karabakh_tolls.testing.instances import Instance, instances, to_frame

DATA = Path(__file__).parent / "data" / "real"
HYPO = kt.War("hypo-2015", "A hypothetical war", start="2015-01-01", end="2015-12-31")


def _row(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "claim_id": "h1",
        "low": 20,
        "high": 20,
        "outcome": "killed",
        "as_of": "2015-10-15",
        "source": "a-ministry",
        "document": "d1",
    }
    return base | changes


# --- the value ---------------------------------------------------------------------------------


def test_a_war_is_a_frozen_hashable_value_with_bundled_trees() -> None:
    w = kt.War("hypo-2015", "A hypothetical war", start="2015-01-01")
    assert (w.id, w.start, w.end) == ("hypo-2015", dt.date(2015, 1, 1), None)
    assert w.trees is kt.default_trees()
    assert w == kt.War("HYPO-2015 ", "A hypothetical war", dt.date(2015, 1, 1))
    assert len({w, kt.War("hypo-2015", "A hypothetical war", "2015-01-01")}) == 1
    with pytest.raises(AttributeError):
        w.start = dt.date(2016, 1, 1)  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(w)) == w
    assert w.evolve(end="2015-06-30").end == dt.date(2015, 6, 30)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"id": "", "name": "x", "start": "2015-01-01"}, "non-empty"),
        ({"id": "a war", "name": "x", "start": "2015-01-01"}, "letters, digits"),
        ({"id": "w", "name": "x", "start": "2015-02-30"}, "not an ISO date"),
        ({"id": "w", "name": "x", "start": "2015-01-02", "end": "2015-01-01"}, "before start"),
        ({"id": "w", "name": "x", "start": "2015-01-01", "trees": {"a": 1}}, "ScopeTrees"),
    ],
)
def test_bad_wars_are_refused_with_the_value(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(kt.WarError, match=message):
        kt.War(**kwargs)  # type: ignore[arg-type]


def test_bundled_wars_and_the_default() -> None:
    assert [w.id for w in kt.bundled_wars()] == ["karabakh-1988", "karabakh-2020", "karabakh-2023"]
    war = kt.load_war("karabakh-2020")
    assert (war.start, war.end) == (dt.date(2020, 9, 27), dt.date(2020, 11, 10))
    assert kt.load_seed_claims().wars == (war,)
    with pytest.raises(kt.WarError, match="bundled: karabakh-1988, karabakh-2020"):
        kt.load_war("karabakh-2021")


def test_a_war_file_with_inline_trees_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "georgia-2008.toml"
    path.write_text(
        """
id = "georgia-2008"
name = "Russo-Georgian war"
start = 2008-08-07
end = 2008-08-12
[trees.outcome]
cumulative = ["killed", "wounded"]
[trees.outcome.nodes]
all = { children = ["killed", "wounded", "displaced"] }
[trees.category.nodes]
all = { children = ["civilian", "military"], exhaustive = true }
[trees.party.nodes]
all = { children = ["georgia", "russia", "south-ossetia"] }
[trees.perpetrator]
same_as = "party"
[trees.region.nodes]
all = { children = ["georgia-proper", "south-ossetia"] }
georgia-proper = { children = ["gori"] }
""",
        encoding="utf-8",
    )
    war = kt.War.from_toml(path)
    assert (war.id, str(war.start), str(war.end)) == ("georgia-2008", "2008-08-07", "2008-08-12")
    assert war.trees["region"].ancestors("gori") == ("gori", "georgia-proper", "all")
    assert "nagorno-karabakh" not in war.trees["party"]
    with pytest.raises(kt.WarError, match="cannot read war file"):
        kt.War.from_toml(tmp_path / "missing.toml")


# --- the war column and validation -------------------------------------------------------------


def test_a_file_without_a_war_column_belongs_to_the_one_war_given(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    pd.DataFrame([_row(), _row(claim_id="h2", as_of="2015-11-01", low=25, high=None)]).to_csv(
        path, index=False
    )
    claims = kt.read_claims(path, wars=[HYPO])
    assert claims.wars == (HYPO,)
    assert set(claims.frame["war"]) == {"hypo-2015"}
    assert set(claims.frame["since"].dt.date) == {HYPO.start}  # since defaults to the start
    # without wars= the same file is about the bundled 2020 war, and every date precedes it
    with pytest.raises(kt.ClaimValidationError) as caught:
        kt.read_claims(path)
    reasons = {(p.row, p.column, p.reason) for p in caught.value.problems}
    assert (0, "as_of", Reason.OUTSIDE_WAR) in reasons
    assert (1, "as_of", Reason.OUTSIDE_WAR) in reasons


def test_the_war_column_names_wars_and_unknown_ones_are_problems(tmp_path: Path) -> None:
    other = kt.War("hypo-1995", "Another hypothetical war", "1995-03-01")
    rows = [
        _row(war="hypo-2015"),
        _row(claim_id="h2", war="hypo-1995", as_of="1995-04-01", low=3, high=3),
        _row(claim_id="h3", war="karabakh-2020", as_of="2020-10-06", low=1, high=1),
        _row(claim_id="h4", war="nowhere-2001", as_of="2001-01-01"),
    ]
    path = tmp_path / "claims.jsonl"
    pd.DataFrame(rows).to_json(path, orient="records", lines=True)
    claims = kt.read_claims(path, wars=[HYPO, other], errors="report")
    assert [w.id for w in claims.wars] == ["hypo-2015", "hypo-1995", "karabakh-2020"]
    (problem,) = claims.rejected
    assert (problem.row, problem.column, problem.reason) == (3, "war", Reason.UNKNOWN_WAR)
    assert "nowhere-2001" in problem.message and "hypo-1995" in problem.message
    # several wars and no war column: every row must say which war it is about
    with pytest.raises(kt.ClaimValidationError, match="no 'war' column"):
        kt.ClaimSet.from_frame(pd.DataFrame([_row()]), wars=[HYPO, other])


@pytest.mark.parametrize(
    ("changes", "column", "words"),
    [
        ({"as_of": "2014-12-31"}, "as_of", "before the start of war 'hypo-2015'"),
        ({"since": "2014-06-01"}, "since", "before the start of war 'hypo-2015'"),
        (
            {"kind": "incident", "event": "e1", "since": "2016-01-05", "as_of": "2016-01-05"},
            "as_of",
            "after the end of war 'hypo-2015'",
        ),
        (
            {"kind": "increment", "since": "2016-02-01", "as_of": "2016-03-01"},
            "since",
            "after the end of war 'hypo-2015'",
        ),
    ],
)
def test_dates_outside_the_war_are_named_problems(
    changes: dict[str, object], column: str, words: str
) -> None:
    good, problems = kt.frame.validate_frame(pd.DataFrame([_row(**changes)]), wars=[HYPO])
    assert good.empty
    assert any(
        p.row == 0 and p.column == column and p.reason is Reason.OUTSIDE_WAR and words in p.message
        for p in problems
    ), problems


def test_a_total_may_hold_after_the_war_ended() -> None:
    # tolls are counted long after wars end: the count of the war's dead on a later date is a
    # claim about the war, and the engine does not assume nobody died after the end
    claims = kt.ClaimSet.from_frame(pd.DataFrame([_row(as_of="2016-06-01")]), wars=[HYPO])
    assert kt.reconcile(claims, "killed", "2016-06-01").low == 20
    assert kt.reconcile(claims, "killed", "2015-12-31").high == 20


def test_claim_values_check_their_war() -> None:
    source = kt.Source("a-ministry", "A ministry", "government")
    claim = kt.Claim("h1", kt.exact(20), kt.Scope(), "2015-10-15", source, document="d", war=HYPO)
    assert claim.since == HYPO.start
    assert kt.ClaimSet([claim]).wars == (HYPO,)
    with pytest.raises(kt.ClaimError, match="before the start of hypo-2015"):
        claim.evolve(since=dt.date(2014, 1, 1))
    war = kt.War("bare", "No places", "2015-01-01", trees=kt.scopes.generic_trees())
    with pytest.raises(kt.ClaimError, match="not in the trees of"):
        kt.Claim("h2", kt.exact(1), kt.Scope(region="ganja"), "2015-10-15", source, war=war)


# --- queries name their war ----------------------------------------------------------------------


def test_the_issue_reproducer_20_killed_in_2015() -> None:
    # was [0, 0] consistent with every claim redundant: the count ran from 2020-09-27
    claims = kt.ClaimSet.from_frame(pd.DataFrame([_row(since="2015-01-01")]), wars=[HYPO])
    r = kt.reconcile(claims, "killed", "2015-10-15")
    assert (r.low, r.high, r.status, r.war) == (20, 20, "consistent", "hypo-2015")
    assert r.roles == {"h1": kt.Role.USED}
    later = kt.reconcile(claims, "killed", "2015-11-30")
    assert (later.low, later.high) == (20, None)
    with pytest.raises(kt.WarError, match="before the start of war 'hypo-2015'"):
        kt.reconcile(claims, "killed", "2014-12-31")


def test_ucdp_event_209980_gives_its_own_range_in_both_engines() -> None:
    # was [0, 0] by reconcile (counted from 2020) and [1, open] by propagation. The event's
    # toll (1-30) is part of the war's running total, which other events may add to: [1, open)
    ged = pd.read_csv(
        DATA / "ucdp_ged191_myanmar_bangladesh_cut.csv",
        dtype="string",
        keep_default_na=False,
        na_values=[""],
    )
    event = ged[ged["id"] == "209980"]
    claims = kt.from_ucdp_ged(event)
    (war,) = claims.wars
    assert (war.id, war.start) == ("ucdp-439", dt.date(2015, 5, 11))
    r = kt.reconcile(claims, "killed", "2015-05-12")
    assert (r.low, r.high, r.status) == (1, None, "consistent")
    assert set(r.low_support.claim_ids) <= {c.id for c in claims}
    for method in ("exact", "propagate"):
        table = kt.reconcile_all(claims, method=method)
        top = table[
            (table["outcome"] == "killed")
            & (table[["category", "party", "perpetrator", "region"]] == "all").all(axis=1)
            & (table["as_of"] == pd.Timestamp("2015-05-12"))
        ]
        assert int(top["low"].iloc[0]) == 1 and pd.isna(top["high"].iloc[0]), method
        assert set(table["war"]) == {"ucdp-439"}


def test_several_wars_need_the_war_named_and_never_constrain_each_other() -> None:
    twin = HYPO.evolve(id="twin-2015", name="Its twin")
    frame = pd.DataFrame(
        [
            _row(war="hypo-2015", low=20, high=20),
            _row(claim_id="t1", war="twin-2015", low=5, high=5),
        ]
    )
    claims = kt.ClaimSet.from_frame(frame, wars=[HYPO, twin])
    with pytest.raises(kt.WarError, match="2 wars \\(hypo-2015, twin-2015\\)"):
        kt.reconcile(claims, "killed", "2015-10-15")
    a = kt.reconcile(claims, "killed", "2015-10-15", war="hypo-2015")
    b = kt.reconcile(claims, "killed", "2015-10-15", war=twin)
    assert (a.low, a.high, a.status) == (20, 20, "consistent")
    assert (b.low, b.high, b.status) == (5, 5, "consistent")
    assert a.roles["t1"] is kt.Role.OUT_OF_SCOPE
    table = kt.reconcile_all(claims)
    assert set(table["war"]) == {"hypo-2015", "twin-2015"}
    assert (table["status"] == "consistent").all()


def test_seeds_ucdp_and_a_third_war_in_one_set() -> None:
    ged = pd.read_csv(
        DATA / "ucdp_ged191_myanmar_bangladesh_cut.csv",
        dtype="string",
        keep_default_na=False,
        na_values=[""],
    )
    ucdp = kt.from_ucdp_ged(ged, errors="report")
    third = kt.ClaimSet.from_frame(
        pd.DataFrame(
            [
                _row(claim_id="h1", low=20, high=20, as_of="2015-10-15"),
                _row(claim_id="h2", category="civilian", low=12, high=None, as_of="2015-10-15"),
            ]
        ),
        wars=[HYPO],
    )
    mixed = kt.load_seed_claims() + ucdp + third
    assert len(mixed) == 23 + len(ucdp) + 2
    assert mixed.wars[0].id == "karabakh-2020" and HYPO in mixed.wars
    assert {w.id for w in mixed.wars} == {"karabakh-2020", "hypo-2015"} | {w.id for w in ucdp.wars}
    # each war answers from its own claims only
    r = kt.reconcile(mixed, "killed/civilian", "2020-10-06", war="karabakh-2020")
    assert (r.low, r.high) == (48, 101)
    h = kt.reconcile(mixed, "killed", "2015-10-15", war="hypo-2015")
    assert (h.low, h.high) == (20, 20)
    m = kt.reconcile(mixed, "killed/military", "2015-10-15", war="hypo-2015")
    assert (m.low, m.high) == (0, 8)  # 20 in all, at least 12 of them civilians
    table = kt.reconcile_all(mixed, method="propagate")
    assert set(table["war"]) == {w.id for w in mixed.wars}
    hypo = table[
        (table["war"] == "hypo-2015")
        & (table["as_of"] == pd.Timestamp("2015-10-15"))
        & (table[["party", "perpetrator", "region"]] == "all").all(axis=1)
    ].set_index("category")
    assert (int(hypo.loc["all", "low"]), int(hypo.loc["all", "high"])) == (20, 20)
    assert (int(hypo.loc["civilian", "low"]), int(hypo.loc["civilian", "high"])) == (12, 20)


# --- properties: nothing depends on which war, or when it was -----------------------------------


def _shifted(instance: Instance, start: dt.date) -> tuple[kt.ClaimSet, kt.War]:
    """The same claims in a war that starts on ``start``: every date moved by one offset."""
    offset = start - instance.start
    frame = to_frame(instance)
    for column in ("since", "as_of"):
        frame[column] = (pd.to_datetime(frame[column]) + offset).dt.strftime("%Y-%m-%d")
    war = instance.war.evolve(id="shifted", start=start)
    frame["war"] = war.id
    return kt.ClaimSet.from_frame(frame, wars=[war]), war


@given(
    instances(max_claims=6, n_days=3),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.sampled_from(["killed", "killed/civilian", "killed/party=east", "killed/region=north"]),
    st.integers(0, 2),
)
def test_a_war_reconciles_the_same_whenever_it_was(
    instance: Instance, start: dt.date, query: str, day: int
) -> None:
    # Fails if any step of the engine reads a fixed calendar (a module constant start date, an
    # epoch that overflows decades away from it): the same claims moved in time must give the
    # same ranges, supports and statuses.
    original = kt.ClaimSet.from_frame(to_frame(instance), wars=[instance.war])
    moved, war = _shifted(instance, start)
    scope = kt.Scope.parse(query, instance.trees)
    a = kt.reconcile(original, scope, instance.days[day])
    b = kt.reconcile(moved, scope, start + dt.timedelta(days=day))
    assert (a.low, a.high, a.status, a.set_aside) == (b.low, b.high, b.status, b.set_aside)
    assert a.low_support.claim_ids == b.low_support.claim_ids
    assert b.war == war.id


@given(instances(max_claims=5, n_days=3))
def test_the_exact_and_the_fast_engine_agree_on_every_war(instance: Instance) -> None:
    # Fails if the propagation measures time from another war's start (ranges that exclude
    # the exact one) or drops the war from its rows.
    claims = kt.ClaimSet.from_frame(to_frame(instance), wars=[instance.war])
    fast = kt.reconcile_all(claims, method="propagate")
    exact = kt.reconcile_all(claims, method="exact")
    assert set(fast["war"]) == set(exact["war"]) == {instance.war.id}
    keys = ["war", "outcome", "category", "party", "perpetrator", "region", "as_of"]
    joined = fast.merge(exact, on=keys, suffixes=("_fast", "_exact"))
    assert len(joined) == len(fast) == len(exact)
    assert (joined["low_fast"] <= joined["low_exact"]).all()
    open_fast = joined["high_fast"].isna()
    assert (open_fast | (joined["high_fast"] >= joined["high_exact"].fillna(10**12))).all()
    truth_is_consistent = joined["status_exact"] == "consistent"
    assert truth_is_consistent.all()  # every claim of an instance is a true interval
