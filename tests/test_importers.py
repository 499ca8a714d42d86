"""Importers: UCDP GED and the csa81 source ranges on real files, ACLED on a table we wrote."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.errors import ClaimValidationError, Reason

DATA = Path(__file__).parent / "data" / "real"
UCDP = DATA / "ucdp_ged191_myanmar_bangladesh_cut.csv"
CSA81 = DATA / "csa81_nagorno_karabakh_wars.json"


@pytest.fixture(scope="module")
def ucdp_raw() -> pd.DataFrame:
    return pd.read_csv(UCDP, dtype="string", keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def ucdp(ucdp_raw: pd.DataFrame) -> kt.ClaimSet:
    return kt.from_ucdp_ged(ucdp_raw, errors="report", release="19.1")


# --- UCDP GED ----------------------------------------------------------------------------------


def test_ucdp_every_row_is_imported_or_reported(ucdp_raw: pd.DataFrame, ucdp: kt.ClaimSet) -> None:
    totals = {cid.removeprefix("ucdp-") for cid in ucdp.ids if cid.count("-") == 1}
    reported = {p.row for p in ucdp.rejected}
    for row, event in enumerate(ucdp_raw["id"]):
        assert event in totals or row in reported, (row, event)


def test_ucdp_anomalous_rows_are_reported_with_row_and_reason(
    ucdp_raw: pd.DataFrame, ucdp: kt.ClaimSet
) -> None:
    low, best, high = (ucdp_raw[c].astype(int) for c in ("low", "best", "high"))
    anomalous = set(ucdp_raw.index[~((low <= best) & (best <= high))])
    assert len(anomalous) == 6
    assert {p.row for p in ucdp.rejected} == anomalous
    inverted = ucdp_raw.index[low > high]
    for row in inverted:  # low > high: not imported at all
        assert f"ucdp-{ucdp_raw['id'][row]}" not in ucdp
    table = ucdp.rejected_frame()
    assert set(table["reason"]) <= {Reason.BAD_VALUE.value, Reason.LOW_ABOVE_HIGH.value}
    assert all(str(ucdp_raw["id"][p.row]) in p.message for p in ucdp.rejected)


def test_ucdp_raise_is_the_default(ucdp_raw: pd.DataFrame) -> None:
    with pytest.raises(ClaimValidationError) as info:
        kt.from_ucdp_ged(ucdp_raw)
    assert len(info.value.bad_rows) == 6


def test_ucdp_total_keeps_low_high_and_best(ucdp_raw: pd.DataFrame, ucdp: kt.ClaimSet) -> None:
    row = ucdp_raw.iloc[0]
    claim = ucdp[f"ucdp-{row['id']}"]
    assert (claim.low, claim.high) == (int(row["low"]), int(row["high"]))
    assert claim.kind.value == "incident"
    assert claim.since.isoformat() == row["date_start"][:10]
    assert claim.as_of.isoformat() == row["date_end"][:10]
    assert claim.source.id == "ucdp-ged"
    assert f"best estimate {row['best']}" in (claim.note or "")
    frame = ucdp.frame.set_index("claim_id")
    assert int(frame.loc[f"ucdp-{row['id']}", "best"]) == int(row["best"])


def test_ucdp_parts_sum_to_best_and_bracket_it(ucdp_raw: pd.DataFrame, ucdp: kt.ClaimSet) -> None:
    frame = ucdp.frame
    frame = frame.assign(event_id=frame["claim_id"].str.split("-").str[1])
    parts = frame[frame["claim_id"].str.count("-") == 2]
    raw = ucdp_raw.set_index("id")
    checked = 0
    for event, group in parts.groupby("event_id"):
        source = raw.loc[event]
        assert int(group["best"].sum()) == int(source["best"])
        low, best, high = int(source["low"]), int(source["best"]), int(source["high"])
        for _, part in group.iterrows():
            assert part["low"] <= part["best"] <= part["high"]
            assert part["high"] - part["best"] == high - best
            assert part["best"] - part["low"] <= best - low
        checked += 1
    assert checked >= 190


def test_ucdp_scopes_use_trees_built_from_the_table(
    ucdp_raw: pd.DataFrame, ucdp: kt.ClaimSet
) -> None:
    trees = ucdp.trees
    assert "myanmar-burma" in trees["region"].children["all"]
    assert trees["region"].ancestors("shan-state") == ("shan-state", "myanmar-burma", "all")
    assert "government-of-myanmar-burma" in trees["party"]
    assert trees["party"].resolve("Government of Myanmar (Burma)") == "government-of-myanmar-burma"
    assert "civilians" not in trees["party"].nodes  # one-sided violence: side_b is not a party
    one_sided = ucdp_raw[ucdp_raw["type_of_violence"] == "3"].iloc[0]
    civ = ucdp[f"ucdp-{one_sided['id']}-civ"]
    assert civ.scope.category == "civilian"
    assert civ.scope.perpetrator == kt.importers._slug(one_sided["side_a"])
    assert f"ucdp-{one_sided['id']}-b" not in ucdp
    # the wars made from the table start from trees that name no party of another war
    assert "nagorno-karabakh" not in trees["party"]
    assert {w.id for w in ucdp.wars} == {f"ucdp-{i}" for i in ucdp_raw["conflict_new_id"]}


def test_ucdp_claims_reconcile_per_event(ucdp_raw: pd.DataFrame, ucdp: kt.ClaimSet) -> None:
    row = ucdp_raw.iloc[0]
    place = kt.importers._slug(row["adm_1"])
    war = f"ucdp-{row['conflict_new_id']}"
    scope = kt.Scope("killed", region=place, trees=ucdp.trees)
    r = kt.reconcile(ucdp, scope, row["date_end"][:10], war=war)
    # the event's own toll is inside every total of its place and war from its day on
    assert r.low >= int(row["low"])
    assert r.war == war


def test_ucdp_missing_columns_are_named() -> None:
    with pytest.raises(ClaimValidationError) as info:
        kt.from_ucdp_ged(pd.DataFrame({"id": [1], "best": [3]}))
    missing = {p.column for p in info.value.problems}
    assert {"low", "high", "date_start", "country"} <= missing


def test_ucdp_reads_a_path_and_does_not_touch_a_frame(ucdp_raw: pd.DataFrame) -> None:
    before = ucdp_raw.copy()
    from_frame = kt.from_ucdp_ged(ucdp_raw, errors="report")
    pd.testing.assert_frame_equal(ucdp_raw, before)
    from_path = kt.from_ucdp_ged(UCDP, errors="report")
    assert from_frame == from_path


def test_ucdp_split_false_imports_only_totals(ucdp_raw: pd.DataFrame) -> None:
    claims = kt.from_ucdp_ged(ucdp_raw, split=False, errors="report")
    assert all(cid.count("-") == 1 for cid in claims.ids)
    assert len(claims) + 1 == len(ucdp_raw)  # only the low > high row is left out
    assert len(claims.rejected) == 1


@settings(max_examples=max(5, settings.default.max_examples // 2))  # an import per example
@given(
    low=st.integers(0, 50),
    extra=st.integers(0, 50),
    top=st.integers(0, 50),
    split=st.lists(st.integers(0, 3), min_size=4, max_size=4),
)
def test_ucdp_parts_are_within_the_totals_room(
    low: int, extra: int, top: int, split: list[int]
) -> None:
    best = low + extra
    weights = [w + (1 if sum(split) == 0 and i == 0 else 0) for i, w in enumerate(split)]
    shares = [best * w // sum(weights) for w in weights]
    shares[0] += best - sum(shares)
    ged = pd.DataFrame(
        {
            "id": ["7"],
            "conflict_new_id": ["488"],
            "date_start": ["2017-08-25"],
            "date_end": ["2017-08-25"],
            "country": ["Myanmar (Burma)"],
            "adm_1": [None],
            "type_of_violence": ["1"],
            "side_a": ["Government of Myanmar (Burma)"],
            "side_b": ["KIO"],
            "deaths_a": [shares[0]],
            "deaths_b": [shares[1]],
            "deaths_civilians": [shares[2]],
            "deaths_unknown": [shares[3]],
            "low": [low],
            "best": [best],
            "high": [best + top],
        }
    )
    claims = kt.from_ucdp_ged(ged)
    assert len(claims) == 5
    total = claims["ucdp-7"]
    for claim in claims:
        assert claim.high is not None
        assert claim.high <= total.high
        assert 0 <= claim.low <= claim.high


# --- ACLED -------------------------------------------------------------------------------------

ACLED = pd.DataFrame(
    {
        "event_id_cnty": ["AZE101", "AZE102", "ARM201", "AZE103", ""],
        "event_date": [
            "17 October 2020",
            "2020-10-28",
            "2020-10-04",
            "31 Febtember 2020",
            "2020-10-05",
        ],
        "year": [2020, 2020, 2020, 2020, 2020],
        "event_type": [
            "Explosions/Remote violence",
            "Violence against civilians",
            "Battles",
            "Battles",
            "Battles",
        ],
        "sub_event_type": [
            "Shelling/artillery/missile attack",
            "Attack",
            "Armed clash",
            "Armed clash",
            "Armed clash",
        ],
        "actor1": [
            "Military Forces of Armenia (2018-)",
            "Military Forces of Armenia (2018-)",
            "Military Forces of Azerbaijan (2003-)",
            "Military Forces of Azerbaijan (2003-)",
            "Military Forces of Azerbaijan (2003-)",
        ],
        "actor2": [
            "Civilians (Azerbaijan)",
            "Civilians (Azerbaijan)",
            "Military Forces of Armenia (2018-)",
            None,
            None,
        ],
        "country": ["Azerbaijan", "Azerbaijan", "Armenia", "Azerbaijan", "Azerbaijan"],
        "admin1": ["Ganja-Gazakh", "Barda", None, "Tartar", "Tartar"],
        "admin2": [None] * 5,
        "location": ["Ganja", "Barda", "Vardenis", "Tartar", "Tartar"],
        "latitude": [40.68, 40.37, 40.18, 40.34, 40.34],
        "longitude": [46.36, 47.13, 45.73, 46.93, 46.93],
        "source": ["Trend News Agency", "Human Rights Watch", "Armenpress", "APA", "APA"],
        "notes": [
            "Missile strike on residential area.",
            "Cluster munitions in Barda.",
            "Clashes near the border.",
            "Shelling.",
            "Shelling.",
        ],
        "fatalities": [13, 21, "several", 2, 1],
    }
)


def test_acled_maps_columns_and_reports_bad_rows() -> None:
    claims = kt.from_acled(ACLED, errors="report")
    assert claims.ids == ("acled-AZE101", "acled-AZE102")
    rejected = {(p.row, p.column) for p in claims.rejected}
    assert rejected == {(2, "fatalities"), (3, "event_date"), (4, "event_id_cnty")}
    ganja = claims["acled-AZE101"]
    assert ganja.figure == kt.at_least(13)
    assert ganja.as_of.isoformat() == "2020-10-17"
    assert ganja.scope.region == "ganja-gazakh"
    assert claims.trees["region"].ancestors("ganja-gazakh") == ("ganja-gazakh", "azerbaijan", "all")
    assert ganja.outlet == "Trend News Agency"
    assert ganja.source.id == "acled" and ganja.source.kind.value == "dataset"
    barda = claims["acled-AZE102"]
    assert barda.scope.region == "barda"  # an existing gazetteer node is reused
    assert barda.scope.category == "civilian"
    assert barda.scope.perpetrator == "military-forces-of-armenia-2018"


def test_acled_exact_reading_and_raise() -> None:
    claims = kt.from_acled(ACLED.iloc[:2], fatalities="exact")
    assert claims["acled-AZE102"].figure == kt.exact(21)
    with pytest.raises(ClaimValidationError) as info:
        kt.from_acled(ACLED)
    assert info.value.bad_rows == (2, 3, 4)
    with pytest.raises(ValueError, match="fatalities="):
        kt.from_acled(ACLED, fatalities="best")  # type: ignore[arg-type]


def test_acled_reads_csv(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    ACLED.iloc[:2].to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
    assert kt.from_acled(path).ids == ("acled-AZE101", "acled-AZE102")


# --- csa81 source ranges -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def csa81() -> kt.ClaimSet:
    return kt.from_source_ranges(CSA81)


def test_csa81_competing_armenian_military_figures(csa81: kt.ClaimSet) -> None:
    military = csa81.for_war("karabakh-2020").filter(category="military", party="armenian-side")
    figures = {(c.low, c.high): c.source.id for c in military}
    assert figures == {(3712, 3712): "hetq", (3825, 3825): "csa81"}
    r = kt.reconcile(
        csa81, "killed/military/party=armenian-side", "2020-11-10", war="karabakh-2020"
    )
    assert r.status == "conflict"


def test_csa81_puts_each_figure_in_the_war_its_clause_names(csa81: kt.ClaimSet) -> None:
    # "Low combines 5,856 Armenian military deaths in 1988-1994, 3,712 Armenian servicemen in
    # 2020, and inferred 198 combatants/security personnel in 2023": three wars, three claims
    assert [w.id for w in csa81.wars] == ["karabakh-1988", "karabakh-2020", "karabakh-2023"]
    lows = {w.id: {c.low for c in csa81.for_war(w)} for w in csa81.wars}
    assert {5856, 6000, 11557, 1264, 53} <= lows["karabakh-1988"]
    assert {3712, 3825, 2906, 94, 100} <= lows["karabakh-2020"]
    assert {198, 192, 223, 25} <= lows["karabakh-2023"]
    for figure in (5856, 6000, 11557, 167, 763, 1264, 53, 223, 192, 23, 70):
        assert figure not in lows["karabakh-2020"], figure
    # each count runs from its war's start to its war's end
    for war in csa81.wars:
        frame = csa81.for_war(war).frame
        assert set(frame["since"].dt.date) == {war.start}
        assert set(frame["as_of"].dt.date) == {war.end}
    # the fuel-depot explosion of 25 September 2023 (after the offensive's end, no side's
    # killing) is not read as a toll of the war
    assert 218 not in lows["karabakh-2023"]
    # the wars never add up: the first war's 5,856 does not bound 2020's military dead
    r = kt.reconcile(
        csa81, "killed/military/party=armenian-side", "2020-10-01", war="karabakh-2020"
    )
    assert r.low == 0


def test_csa81_endpoints_keep_their_hedge_and_speaker(csa81: kt.ClaimSet) -> None:
    in_2020 = csa81.for_war("karabakh-2020")
    azerbaijani = in_2020.filter(category="civilian", party="azerbaijani-side", region="all")
    by_source = {c.source.id: c.figure for c in azerbaijani}
    assert by_source == {
        "amnesty-international": kt.at_least(94),
        "azerbaijani-authorities": kt.exact(100),
    }
    barda = {c.source.id: c.low for c in csa81.filter(region="barda")}
    assert barda == {"human-rights-watch": 21, "azerbaijani-authorities": 29}
    assert all(c.document == "csa81:csa81_nagorno_karabakh_wars.json" for c in csa81)


def test_csa81_with_seed_claims_shows_disagreement(csa81: kt.ClaimSet) -> None:
    both = kt.load_seed_claims() + csa81
    assert len(both) == 23 + len(csa81)
    r = kt.reconcile(
        both,
        "killed/civilian/party=azerbaijani-side/perpetrator=armenian-side",
        "2020-11-10",
        war="karabakh-2020",
    )
    assert r.low >= 100 or r.status == "conflict"


def test_csa81_from_a_dict_and_bad_side() -> None:
    data = {
        "war_id": "w",
        "sides": [
            {"name": "Martians", "military_killed": {"notes": "12 in 2020."}},
            {"name": "Azerbaijan side", "military_killed": {"notes": "Low uses 2,906 in 2020."}},
        ],
    }
    with pytest.raises(ClaimValidationError, match="Martians"):
        kt.from_source_ranges(data)
    claims = kt.from_source_ranges(data, errors="report")
    assert [c.figure for c in claims] == [kt.exact(2906)]
    assert claims.rejected[0].row == 0


# --- robustness: every bad cell is a named problem -------------------------------------------


def _acled_table(fatalities: list[object]) -> pd.DataFrame:
    n = len(fatalities)
    return pd.DataFrame(
        {
            "event_id_cnty": [f"AZE{i}" for i in range(n)],
            "event_date": ["17 October 2020"] * n,
            "country": ["Azerbaijan"] * n,
            "fatalities": fatalities,
        }
    )


@pytest.mark.parametrize(
    "cell", ["nan", "inf", "-inf", "1e400", str(2**63), "2.5", float("inf"), "-3", "many"]
)
def test_acled_fatalities_that_are_no_count_are_named(cell: object) -> None:
    claims = kt.from_acled(_acled_table([cell, 5]), errors="report")
    assert claims.ids == ("acled-AZE1",)
    (problem,) = claims.rejected
    assert (problem.row, problem.column, problem.reason) == (0, "fatalities", Reason.NOT_A_NUMBER)


def test_ucdp_counts_are_exact_and_never_wrap() -> None:
    ged = pd.DataFrame(
        {
            "id": ["1", "2", "3"],
            "date_start": ["2020-10-17"] * 3,
            "date_end": ["2020-10-17"] * 3,
            "country": ["Azerbaijan"] * 3,
            "side_a": ["Government of Armenia"] * 3,
            "side_b": ["Government of Azerbaijan"] * 3,
            "low": ["9007199254740993", str(2**63), "nan"],
            "best": ["9007199254740993", "1", "1"],
            "high": ["9007199254740993", "1", "1"],
            "conflict_new_id": ["388"] * 3,
        }
    )
    claims = kt.from_ucdp_ged(ged, split=False, errors="report")
    assert [(c.id, c.low, c.high) for c in claims] == [("ucdp-1", 2**53 + 1, 2**53 + 1)]
    assert {(p.row, p.column) for p in claims.rejected} == {(1, "low"), (2, "low")}
    assert all(c.low >= 0 for c in claims)


def test_a_csv_path_is_read_like_a_claims_file(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_bytes(b"event_id_cnty,event_date,country,fatalities\nA,17 October 2020,\xff,1\n")
    with pytest.raises(kt.KarabakhTollsError, match="not UTF-8"):
        kt.from_acled(path)
    with pytest.raises(FileNotFoundError):
        kt.from_acled(tmp_path / "gone.csv")
    with pytest.raises(TypeError, match="DataFrame or a path"):
        kt.from_acled(42)  # type: ignore[arg-type]


def test_a_non_string_source_entry_is_a_named_problem() -> None:
    data = {
        "war_id": "w",
        "sides": [
            {
                "name": "Armenian side",
                "military_killed": {"notes": "3,712 servicemen in 2020.", "sources": [5, "u"]},
            }
        ],
    }
    with pytest.raises(ClaimValidationError) as info:
        kt.from_source_ranges(data)
    (problem,) = info.value.problems
    assert (problem.row, problem.column, problem.reason) == (
        0,
        "military_killed.sources",
        Reason.BAD_TYPE,
    )
    assert len(kt.from_source_ranges(data, errors="report")) == 1


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"{not json", Reason.BAD_FORMAT), (b"\xff", Reason.BAD_ENCODING), (b"[" * 100_000, None)],
)
def test_a_source_range_file_that_cannot_be_read_is_named(
    tmp_path: Path, body: bytes, reason: Reason | None
) -> None:
    path = tmp_path / "war.json"
    path.write_bytes(body)
    with pytest.raises(kt.KarabakhTollsError) as info:
        kt.from_source_ranges(path)
    if reason is not None:
        assert getattr(info.value, "reason", None) is reason
    assert str(path) in str(info.value) or "JSON" in str(info.value)
