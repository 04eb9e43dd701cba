"""Hand-computed expected results of the city-wide sample campaigns (data/cantho-2019 and
data/cantho-2020, written by tests/builders/city_campaign.py).

Written by hand from the builder's tables and the rules of site_config/cantho-2019.yml and
site_config/cantho-2020.yml; an oracle for the generator, never computed by it.

2019 rules (founding vocabulary): period 02/01/2019 – 30/11/2019, dossier deadline 10/12/2019.
- TT1 agency rated HTXSNV; TT2 >= 1 initiative of the agency "Công nhận" by 10/12/2019.
- CN1 rated HTXSNV and on-time tasks == assigned > 0; CN2 no discipline in the period.
- Quotas: 1 agency city-wide (ranked by TT2's count), 1 person per agency (by vote share).

2020 rules: period 02/01/2020 – 30/11/2020, dossier deadline 10/12/2020.
- TT1 Chỉ số CCHC >= 90; TT2 agency rated HTTNV or better.
- CN1 rated HTTNV or better and on-time tasks == assigned > 0; CN2 no discipline in the
  period (self-report and register, by staff code).
- CN3 rated HTXSNV in 2020 and, as a 2019 nominee with the same staff code, HTXSNV in 2019
  (not a 2019 nominee: not met).
- CN4 >= 2 initiatives "Công nhận" credited to the person, 2020 register + 2019 register
  (credited as each campaign resolves authorship: by `Mã công chức tác giả`, else by name
  among that campaign's nominees of the agency).
- Routes: Giấy khen = TT1, TT2 / CN1, CN2; Bằng khen = Giấy khen's + CN3, CN4. A Bằng khen
  nominee failing CN1 or CN2 -> not-eligible; meeting CN1, CN2 but failing CN3 or CN4 ->
  lower-form-only (ranked in neither pool; an award-lower-form warning to staff).
- Gate order as the founding campaign: criteria, then dossier (incomplete), then sending
  date (late), then the minimum vote share (< 70 % -> below-vote-share, not ranked; exactly
  70 % passes), then ranking.
- Collective quota, one group city-wide: 8 agencies proposed (all for Giấy khen), 20 % of 8 =
  1.6, rounded down = 1, minimum 1 -> 1 (half up would give 2). The same 1 whichever count
  "proposed" is read as: 6 meeting the criteria -> 1.2 -> 1; 4 ranked -> 0.8 -> 0 -> min 1.
  Ranked by Chỉ số CCHC, higher first.
- Giấy khen individual quota: 2 per agency, by vote share. Bằng khen: 1 city-wide, by vote
  share then CN4's count.
- No Council file in either year: every status is the criteria's (provisional).
"""

from __future__ import annotations

T, F = True, False

CAMPAIGN_2019 = "data/cantho-2019"
CAMPAIGN_2020 = "data/cantho-2020"


def _cn(cn1: bool, cn2: bool, cn3: bool | None = None, cn4: bool | None = None) -> dict[str, bool]:
    found = {"CN1": cn1, "CN2": cn2}
    return found if cn3 is None or cn4 is None else found | {"CN3": cn3, "CN4": cn4}


def _tt(tt1: bool, tt2: bool) -> dict[str, bool]:
    return {"TT1": tt1, "TT2": tt2}


# --------------------------------------------------------------------------- 2019
# Mã công chức -> (status, rank or None, criteria)
INDIVIDUALS_2019: dict[str, tuple[str, int | None, dict[str, bool]]] = {
    # SNV: only NV0101 meets CN1
    "NV0101": ("within-quota", 1, _cn(T, T)),  # 16/18 votes, alone in SNV's pool
    "NV0102": ("not-eligible", None, _cn(F, T)),  # rated HTTNV
    # STTTT: NV0202 15/18 ahead of NV0201 14/18, quota 1
    "NV0201": ("over-quota", 2, _cn(T, T)),
    "NV0202": ("within-quota", 1, _cn(T, T)),
    # BDT
    "NV0301": ("not-eligible", None, _cn(F, T)),  # rated HTTNV
    "NV0302": ("within-quota", 1, _cn(T, T)),  # 12/15, alone in the pool
    # QNK
    "NV0402": ("within-quota", 1, _cn(T, T)),  # 13/15, alone in the pool
    "NV0403": ("not-eligible", None, _cn(F, T)),  # rated HTNV
    # HPD: NV0501 17/18 ahead of NV0503 14/18
    "NV0501": ("within-quota", 1, _cn(T, T)),
    "NV0503": ("over-quota", 2, _cn(T, T)),
}

# Mã cơ quan -> (status, rank or None, criteria). Recognised initiatives by 10/12/2019:
# SNV 1 (SK2019-01), STTTT 1 (SK2019-02), HPD 2 (SK2019-03, -04), BDT 0 (SK2019-05 not
# recognised), QNK 0. Ranked HPD 2 > SNV 1 = STTTT 1; quota 1: HPD within, the two others
# over quota (the line is at 2, no tie).
COLLECTIVES_2019: dict[str, tuple[str, int | None, dict[str, bool]]] = {
    "HPD": ("within-quota", 1, _tt(T, T)),  # sent 10/12/2019, the deadline day: on time
    "SNV": ("over-quota", 2, _tt(T, T)),
    "STTTT": ("over-quota", 2, _tt(T, T)),
    "BDT": ("not-eligible", None, _tt(T, F)),  # its one initiative not recognised
    "QNK": ("not-eligible", None, _tt(F, F)),  # rated HTTNV, no initiative
}
DEPARTMENT_INITIATIVES_2019 = {"SNV": 1, "STTTT": 1, "BDT": 0, "QNK": 0, "HPD": 2}
COUNTS_2019 = {"units": 5, "nominees": 10, "initiatives": 5, "discipline": 1}

# --------------------------------------------------------------------------- 2020
# Mã công chức -> (status, rank or None, criteria CN1..CN4)
INDIVIDUALS_2020: dict[str, tuple[str, int | None, dict[str, bool]]] = {
    # ---- SNV (Giấy khen pool: NV0102 16/20, NV0103 15/20; quota 2)
    # Bằng khen, meets it thanks to 2019: HTXSNV 2019 and 2020 (CN3), one initiative in 2019
    # (SK2019-01) + one in 2020 (SK2020-01) = 2 (CN4). Bằng khen pool: 18/20 = 90 % ahead of
    # NV0501's 75 %, quota 1.
    "NV0101": ("within-quota", 1, _cn(T, T, T, T)),
    "NV0102": ("within-quota", 1, _cn(T, T, F, F)),  # HTTNV is enough for CN1; 80 %
    # namesake of NV0803 (QCR): no discipline of its own (the register's entry is NV0803's),
    # and SK2020-06, written by name in QCR, is not its initiative
    "NV0103": ("within-quota", 2, _cn(T, T, F, F)),  # 75 %; not a 2019 nominee (CN3)
    "NV0104": ("below-vote-share", None, _cn(T, T, F, F)),  # 12/20 = 60 % < 70 %
    # ---- STTTT (Giấy khen pool: NV0204 17/20, NV0202 14/20)
    # Bằng khen nominee meeting only Giấy khen: HTXSNV both years, but one initiative in all
    # (SK2020-02; none in 2019) -> CN4 not met
    "NV0201": ("lower-form-only", None, _cn(T, T, T, F)),
    "NV0202": ("within-quota", 2, _cn(T, T, T, F)),  # exactly 70 % passes the minimum
    "NV0203": ("not-eligible", None, _cn(F, T, F, F)),  # rated HTNV
    "NV0204": ("within-quota", 1, _cn(T, T, F, F)),  # 85 %; new in 2020 (CN3)
    # ---- STP (the agency's own report is missing: only its collective dossier is incomplete)
    "NV0601": ("within-quota", 1, _cn(T, T, F, F)),  # 90 %
    "NV0602": ("within-quota", 2, _cn(T, T, F, F)),  # 85 %
    "NV0603": ("over-quota", 3, _cn(T, T, F, F)),  # 80 %, third of a quota of 2
    # ---- BDT (tie at the quota line: NV0302 and NV0303 both 16/20 at places 2–3)
    "NV0301": ("within-quota", 1, _cn(T, T, F, F)),  # 85 %; 2019 rated HTTNV (CN3)
    "NV0302": ("tie", 2, _cn(T, T, F, F)),
    "NV0303": ("tie", 2, _cn(T, T, F, F)),
    # ---- BHXH (sent on 10/12/2020, the deadline day: on time)
    "NV0701": ("within-quota", 1, _cn(T, T, F, F)),
    "NV0702": ("not-eligible", None, _cn(F, T, F, F)),  # 15 of 16 tasks on time
    # ---- QNK (the agency fails TT1, which does not touch its people)
    # Bằng khen nominee absent from 2019 (transferred in 2020): CN3's look-back is not met;
    # two initiatives in 2020 (SK2020-04, -05) meet CN4 -> only Giấy khen's criteria met
    "NV0401": ("lower-form-only", None, _cn(T, T, F, T)),
    "NV0402": ("not-eligible", None, _cn(T, F, T, F)),  # reprimanded 03/06/2020 (both sources)
    "NV0403": ("within-quota", 1, _cn(T, T, F, F)),  # 75 %; co-author of SK2020-05 (CN4: 1)
    # ---- QCR (sent 14/12/2020: late; criteria come first)
    "NV0801": ("late", None, _cn(T, T, F, F)),
    "NV0802": ("late", None, _cn(T, T, F, F)),
    # namesake of NV0103: reprimanded 15/08/2020 -> CN2 fails (only this staff code)
    "NV0803": ("not-eligible", None, _cn(T, F, F, F)),
    # ---- HPD (Giấy khen pool: NV0503 alone)
    # Bằng khen nominee meeting all four (two initiatives in 2019: SK2019-03, -04) but 75 %
    # is second to NV0101 in the city-wide pool of 1
    "NV0501": ("over-quota", 2, _cn(T, T, T, T)),
    "NV0502": ("dossier-incomplete", None, _cn(T, T, F, F)),  # own report missing
    "NV0503": ("within-quota", 1, _cn(T, T, T, F)),  # 80 %; co-author of SK2019-04 (CN4: 1)
}

# CN4's count per nominee (2020 + 2019 registers, "Công nhận", by staff code); 0 otherwise.
CN4_COUNTS_2020: dict[str, int] = {
    "NV0101": 2,  # SK2020-01 + SK2019-01
    "NV0201": 1,  # SK2020-02
    "NV0202": 1,  # SK2019-02
    "NV0401": 2,  # SK2020-04, SK2020-05 (absent from 2019: nothing added)
    "NV0403": 1,  # SK2020-05
    "NV0501": 2,  # SK2019-03, SK2019-04 (SK2020-08 not recognised)
    "NV0503": 1,  # SK2019-04
    "NV0803": 1,  # SK2020-06, author by name within QCR (never NV0103's)
}

# Mã cơ quan -> (status, rank or None, criteria). Quota 1 (8 proposed × 20 % = 1.6 -> 1).
# Ranked by Chỉ số CCHC: SNV 95.5 = STTTT 95.5 > BDT 92 > BHXH 90.
COLLECTIVES_2020: dict[str, tuple[str, int | None, dict[str, bool]]] = {
    "SNV": ("tie", 1, _tt(T, T)),  # written "95,5" (text, decimal comma)
    "STTTT": ("tie", 1, _tt(T, T)),  # written 95.5 (a number cell)
    "BDT": ("over-quota", 3, _tt(T, T)),  # 92; HTTNV meets TT2
    "BHXH": ("over-quota", 4, _tt(T, T)),  # exactly 90 meets TT1
    "QNK": ("not-eligible", None, _tt(F, T)),  # 89,9: just under 90
    "HPD": ("not-eligible", None, _tt(T, F)),  # rated HTNV, below HTTNV
    "STP": ("dossier-incomplete", None, _tt(T, T)),  # its own Báo cáo thành tích = Không
    "QCR": ("late", None, _tt(T, T)),  # sent 14/12/2020
}
COLLECTIVE_QUOTA_2020 = 1
COUNTS_2020 = {"units": 8, "nominees": 25, "initiatives": 8, "discipline": 2}

# Staff are told of each Bằng khen nominee meeting only Giấy khen (file, sheet, row).
LOWER_FORM_ONLY = {"NV0201": ("ho-so/STTTT.xlsx", 3), "NV0401": ("ho-so/QNK.xlsx", 3)}
