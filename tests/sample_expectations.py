"""Hand-computed expected results for the sample campaign (data/vpubnd-cantho-2019).

Written by hand from the design in ``tests/builders/sample_campaign.py`` and the rules
below; it is an oracle for the generator, never computed by it.

Rules applied (SPEC §4, founding campaign):
- period 15/04/2019 – 30/11/2019 (plan says "31/11/2019"); dossier deadline 10/12/2019;
  Council-to-city deadline 20/01/2020.
- CN1: rating HTXSNV and on-time tasks == assigned tasks > 0.
- CN2: >= 1 initiative `Công nhận` with `Ngày công nhận` <= 10/12/2019 authored by the
  nominee (by `Mã CB tác giả` when filled, else by normalised name within the
  initiative's department).
- CN3: self-report `Không` and no register entry in effect during the period
  (decision <= 30/11/2019 and end >= 15/04/2019; end defaults to decision + 1 year).
- TT1: `Thực hiện tốt nhiệm vụ CCHC` = yes; TT2: >= 1 recognised initiative (as CN2's
  date rule) with the department's `Mã đơn vị`; TT3: department rated HTXSNV.
- Status order: failed criterion -> not-eligible; incomplete dossier -> dossier-incomplete;
  `Ngày gửi hồ sơ` > 10/12/2019 -> late; no vote data -> eligible; else ranked
  (vote share desc, recognised initiatives desc), quota 2 per department / 3 collectives
  (ranked by the department's recognised initiatives desc); equal keys straddling the
  quota line -> tie for all of them.
- Council (`hoi-dong.xlsx`): "Giấy khen" (a decision taken) -> awarded; "Đề nghị Bằng khen"
  (a proposal to the city's Chairman, award `proposal: true`) -> proposed. In a quota group
  with any Council row (individuals: per department; collectives: the whole office), a
  candidate within quota or tied by the criteria whom the Council did not list ->
  not-awarded. Groups without any Council row (HCTC, KT, VX, NC, DT, BPMC individuals) keep
  their provisional statuses; over-quota and the rest keep theirs everywhere.
"""

from __future__ import annotations

T, F = True, False


def _cn(cn1: bool, cn2: bool, cn3: bool) -> dict[str, bool]:
    return {"CN1": cn1, "CN2": cn2, "CN3": cn3}


def _tt(tt1: bool, tt2: bool, tt3: bool) -> dict[str, bool]:
    return {"TT1": tt1, "TT2": tt2, "TT3": tt3}


CAMPAIGN_DIR = "data/vpubnd-cantho-2019"

# Mã CB -> (status, criteria)
INDIVIDUALS: dict[str, tuple[str, dict[str, bool]]] = {
    # ---- TH (ranked: 0001 11/12·2 init, 0002 10/12, 0003 9/12, 0004 8/12)
    "CB0001": ("proposed", _cn(T, T, T)),  # rank 1; Council: Đề nghị Bằng khen (a proposal)
    "CB0002": ("awarded", _cn(T, T, T)),  # rank 2; Council: Giấy khen
    "CB0003": ("awarded", _cn(T, T, T)),  # rank 3 = over-quota, but the Council awarded: warning
    "CB0004": ("over-quota", _cn(T, T, T)),  # rank 4, not in the Council list: stays over-quota
    "CB0005": ("not-eligible", _cn(F, T, T)),  # HTTNV; CN2 via co-authorship of SK2019-04
    "CB0006": ("not-eligible", _cn(T, F, T)),  # no initiative
    # ---- HCTC (collective proposes "Không"; individuals still compete)
    "CB0011": ("within-quota", _cn(T, T, T)),  # namesake; SK2019-80 has Mã CB tác giả CB0011; 9/10
    "CB0012": ("not-eligible", _cn(T, F, T)),  # same name as CB0011 but not the author (code rules)
    "CB0013": ("within-quota", _cn(T, T, T)),  # SK2019-81 author has extra spaces; 8/10
    "CB0014": ("over-quota", _cn(T, T, T)),  # 7/10, rank 3
    # ---- KSTT (nobody meets CN2)
    "CB0101": ("not-eligible", _cn(T, F, T)),  # SK2019-90 recognised 18/12/2019 > 10/12/2019
    "CB0102": ("not-eligible", _cn(T, F, T)),  # SK2019-91 "Không công nhận"
    "CB0103": ("not-eligible", _cn(T, F, T)),  # no initiative
    # ---- KT (ranked: 0021 9/10, 0022 8/10)
    "CB0021": ("within-quota", _cn(T, T, T)),
    "CB0022": ("within-quota", _cn(T, T, T)),  # SK2019-21, two authors separated by ";"
    "CB0023": ("not-eligible", _cn(F, T, T)),  # 0 tasks assigned: CN1 needs assigned > 0
    "CB0024": ("not-eligible", _cn(T, T, F)),  # self-report "Khiển trách" (register agrees)
    # ---- VX (ranked: 0031 10/11, 0032 9/11, 0033 9/11, 0034 7/11; all 1 initiative)
    "CB0031": ("within-quota", _cn(T, T, T)),
    "CB0032": ("tie", _cn(T, T, T)),  # equal key with CB0033 at ranks 2–3
    "CB0033": ("tie", _cn(T, T, T)),
    "CB0034": ("over-quota", _cn(T, T, T)),  # discipline of 12/03/2018 expired 12/03/2019
    # ---- NC (ODS; collective fails TT1, which does not affect individuals)
    "CB0041": ("within-quota", _cn(T, T, T)),  # SK2019-50 author "Huỳnh thị Bảo Ngọc" (case); 8/9
    "CB0042": ("dossier-incomplete", _cn(T, T, T)),  # own Báo cáo thành tích = Không
    "CB0043": ("within-quota", _cn(T, T, T)),  # discipline decided 05/12/2019 > 30/11/2019; 7/9
    "CB0044": ("not-eligible", _cn(F, T, T)),  # 11 of 12 tasks on time
    # ---- DT (no vote data: cannot be ranked)
    "CB0051": ("eligible", _cn(T, T, T)),
    "CB0052": ("eligible", _cn(T, T, T)),
    "CB0053": ("not-eligible", _cn(F, T, T)),  # HTTNV (full label in the file)
    "CB0054": ("eligible", _cn(T, T, T)),
    # ---- TCD (dossier sent 13/12/2019: late)
    "CB0061": ("late", _cn(T, T, T)),
    "CB0062": ("late", _cn(T, T, T)),
    "CB0063": ("not-eligible", _cn(T, F, T)),  # no initiative (criteria come before lateness)
    "CB0064": ("dossier-incomplete", _cn(T, T, T)),  # report missing: incomplete before late
    # ---- TTTH (ranked: 0081 14/15·2 init, 0082 12/15·1, 0083 12/15·1)
    "CB0081": ("awarded", _cn(T, T, T)),  # rank 1; Council: Giấy khen
    "CB0082": ("not-awarded", _cn(T, T, T)),  # tied with CB0083; the Council picked CB0083
    "CB0083": ("awarded", _cn(T, T, T)),  # tie resolved by the Council
    "CB0084": ("not-eligible", _cn(F, T, T)),  # 20 of 21 tasks on time; co-author of SK2019-12
    "CB0085": ("not-eligible", _cn(T, T, F)),  # self-report "Không", register 22/05/2019 in effect
    # ---- BPMC (CSV; ranked: 0091 7/8·1, 0094 6/8·2, 0092 6/8·1)
    "CB0091": ("within-quota", _cn(T, T, T)),
    "CB0092": ("over-quota", _cn(T, T, T)),  # loses the initiative-count tie-break to CB0094
    "CB0093": ("not-eligible", _cn(F, T, T)),  # HTNV
    "CB0094": ("within-quota", _cn(T, T, T)),  # 2 initiatives (SK2019-73 recognised on 10/12/2019)
}

# Mã đơn vị -> (status or None when it proposes "Không", criteria)
# Collective ranking among eligible departments by recognised initiatives:
# TH 5, TTTH 4, KT 2, VX 2, DT 1 -> TH, TTTH within; KT/VX tie at places 3–4; DT over.
COLLECTIVES: dict[str, tuple[str | None, dict[str, bool]]] = {
    # The Council decided the (office-wide) collective group by proposing TH alone.
    "TH": ("proposed", _tt(T, T, T)),  # rank 1; Council: Đề nghị Bằng khen
    "TTTH": ("not-awarded", _tt(T, T, T)),  # rank 2, within quota, not chosen
    "KT": ("not-awarded", _tt(T, T, T)),  # tie at the line, not chosen
    "VX": ("not-awarded", _tt(T, T, T)),  # tie; sent on 10/12/2019 itself: on time
    "DT": ("over-quota", _tt(T, T, T)),
    "NC": ("not-eligible", _tt(F, T, T)),
    "KSTT": ("not-eligible", _tt(T, F, T)),  # SK2019-90 too late, SK2019-91/92 not recognised
    "TCD": ("not-eligible", _tt(T, T, F)),  # HTTNV; also late, but criteria come first
    "BPMC": ("dossier-incomplete", _tt(T, T, T)),  # department's own Báo cáo thành tích = Không
    "HCTC": (None, _tt(T, T, T)),  # proposes "Không"
}

MISSING_DEPARTMENTS = ["QT"]

# Recognised initiatives (Công nhận, Ngày công nhận <= 10/12/2019) per department (TT2 count)
DEPARTMENT_INITIATIVES: dict[str, int] = {
    "TH": 5,
    "HCTC": 4,
    "KSTT": 0,
    "KT": 2,
    "VX": 2,
    "NC": 3,
    "DT": 1,
    "QT": 2,
    "TCD": 4,
    "TTTH": 4,
    "BPMC": 4,
}

# Recognised initiatives authored, for nominees with more than one (all other nominees
# meeting CN2 have exactly 1; those failing CN2 have 0)
NOMINEE_INITIATIVES_OVER_ONE: dict[str, int] = {"CB0001": 2, "CB0081": 2, "CB0094": 2}

COUNTS = {"departments": 11, "nominees": 42, "initiatives": 35, "discipline": 6, "council": 6}

# Criteria statuses (before the Council) where the Council's outcome replaced them.
CRITERIA_STATUS: dict[str, str] = {
    "CB0001": "within-quota", "CB0002": "within-quota", "CB0003": "over-quota",
    "CB0081": "within-quota", "CB0082": "tie", "CB0083": "tie",
    "TH": "within-quota", "TTTH": "within-quota", "KT": "tie", "VX": "tie",
}  # fmt: skip

# The honour roll, by hand. Before the Council (hoi-dong.xlsx absent): everyone within quota
# by the criteria, provisional. After: the Council's decisions and proposals only.
HONOUR_BEFORE_COUNCIL = {
    "individual": {
        "CB0001", "CB0002", "CB0011", "CB0013", "CB0021", "CB0022", "CB0031", "CB0041",
        "CB0043", "CB0081", "CB0091", "CB0094",
    },
    "collective": {"TH", "TTTH"},
}  # fmt: skip
HONOUR_DECISIONS = {"individual": {"CB0002", "CB0003", "CB0081", "CB0083"}, "collective": set()}
HONOUR_PROPOSALS = {"individual": {"CB0001"}, "collective": {"TH"}}
# Quota groups the Council has decided (any row in them).
DECIDED_GROUPS = {("individual", "TH"), ("individual", "TTTH"), ("collective", "")}

# Council decisions that differ from the criteria results (staff warning expected).
# CB0083 (computed "tie", awarded) is the Council settling a tie, which is what a tie
# asks for, so it is not listed here; every other Council entry was within quota.
COUNCIL_DIFFERS = ["CB0003"]
# Register contradicting a self-report of "Không" (staff inconsistency warning expected)
DISCIPLINE_INCONSISTENT = ["CB0085"]
