"""The texts `thidua new-campaign` writes: the blank campaign file (when no campaign is
copied) and the data folder's README.

Comments in English explain each key (docs/config.md has the full reference); values are
Vietnamese placeholders a citizen could read, and every one of them loads: the file is a
working campaign from the first minute, with the founding rules as a starting point, using
only columns every preset must declare (``judge/contract/reads.py``). Dates are those of
the given year; nothing reads the clock.
"""

from __future__ import annotations

SKELETON = """\
# Campaign {id}: the rules of one campaign, as data (scaffolded by `thidua new-campaign`).
# Every key is documented in docs/config.md; unknown keys are refused. Dates are dd/mm/yyyy.
# Replace each placeholder value (the Vietnamese texts) with the plan's own words, then run
# `thidua validate --config site_config/{id}.yml`.
id: {id}  # the campaign id: equals this file's name and the data folder's
data_dir: data/{id}  # the campaign's spreadsheets, relative to the repository
{extra_keys}
# The data contract (files, sheets, columns): a preset of site_config/contracts/. Add columns
# by sheet id under `columns:` or change a preset column's header under `overrides:`.
contract:
  preset: {preset}

# What the site says about itself (header, home page, open-data licence).
site:
  title: Thi đua cải cách hành chính {year}
  office: Tên cơ quan tổ chức phong trào (sửa lại)
  description: >-
    Công khai kết quả phong trào thi đua cải cách hành chính năm {year}: tiêu chí, danh
    sách đề nghị, kết quả xét và vinh danh. (Sửa lại cho đúng phong trào.)
  sample_data: false  # true only while the data is fictional: every page then says so
  licence: Creative Commons Attribution 4.0 (CC BY 4.0)
  licence_url: https://creativecommons.org/licenses/by/4.0/deed.vi

# The plan that launched the campaign: its name, issuer, number and date as written on it.
campaign:
  name: Phong trào thi đua thực hiện cải cách hành chính năm {year}
  issuer: Tên cơ quan ban hành kế hoạch (sửa lại)
  document: Kế hoạch phát động phong trào thi đua cải cách hành chính năm {year}
  document_number: Số kế hoạch (sửa lại)
  document_date: 01/01/{year}  # the plan's date
  time_zone: Asia/Ho_Chi_Minh  # the published "last update" is the day here
  legal_basis: []  # the documents the plan cites, one text each

# The campaign period; `end_as_written` keeps the plan's wording even if it is no real date.
period:
  start: 01/01/{year}
  end_as_written: 30/11/{year}
  end: 30/11/{year}
  note: ""  # a public note when the applied end differs from the plan's wording

# Deadlines by id: `dossier` is the one the dossier checks use (see `dossier.deadline`).
deadlines:
  - id: dossier
    label: Các đơn vị gửi hồ sơ đề nghị khen thưởng
    date: 10/12/{year}

# The fields of emulation; `register_value` is how the initiative register writes the field
# (one of the preset's values for the initiatives' field column).
fields:
{fields}

# Criteria: ids TT1… for collectives, CN1… for individuals; `predicate` is the test, from
# the predicate vocabulary of docs/config.md. A starting point: change them to the plan's.
criteria:
  collective:
    - id: TT1
      label: Hoàn thành xuất sắc nhiệm vụ năm {year}
      meaning: Tập thể được xếp loại "Hoàn thành xuất sắc nhiệm vụ" năm {year}.
      predicate: {{type: rating_is, rating: HTXSNV}}
  individual:
    - id: CN1
      label: Hoàn thành xuất sắc nhiệm vụ, đúng hạn
      meaning: >-
        Được xếp loại "Hoàn thành xuất sắc nhiệm vụ" năm {year} và hoàn thành đúng hạn mọi
        nhiệm vụ được giao.
      predicate:
        type: all_of
        parts:
          - {{type: rating_is, rating: HTXSNV}}
          - {{type: all_tasks_on_time, min_assigned: 1}}
    - id: CN2
      label: Chấp hành nghiêm kỷ luật hành chính
      meaning: Không bị xử lý kỷ luật trong thời gian thi đua.
      sensitive: true  # public pages show only met / not met
      predicate: {{type: no_discipline}}

# What a dossier must hold; `column`/`columns` are column keys of the contract.
dossier:
  deadline: dossier
  collective:
    - {{id: bao-cao, label: Báo cáo thành tích của tập thể, column: report}}
  individual:
    - {{id: bao-cao, label: Báo cáo thành tích của cá nhân, column: report}}
  department:
    - {{id: to-trinh, label: Tờ trình đề nghị khen thưởng, columns: [to_trinh_no, to_trinh_date]}}

# How many candidates are within quota (`per: office` or `per: department`).
quotas:
  collective: {{count: 1, per: office}}
  individual: {{count: 2, per: department}}

# Ranking keys, all descending.
ranking:
  collective: [recognised_initiatives]
  individual: [vote_share, recognised_initiatives]

# The award forms: `name` is a value of the nominees' proposal column.
awards:
{awards}
"""

# The data folder's README.md (Markdown is never read as data).
DATA_README = """\
# Dữ liệu phong trào {id}

Thư mục này do `thidua new-campaign` tạo: mỗi sổ của phong trào có một tệp mẫu trống
({registers}), với tiêu đề cột, danh sách chọn và trang “Hướng dẫn”.

1. Điền danh sách đơn vị vào `{units}.xlsx`.
2. Tạo biểu mẫu cho từng đơn vị: `thidua templates --config site_config/{id}.yml --out mau/`
   rồi gửi cho các đơn vị; hồ sơ các đơn vị gửi về đặt trong `{folder}/`.
3. Kiểm tra: `thidua validate --config site_config/{id}.yml`.

Created by `thidua new-campaign`: one blank workbook per register of the data contract. Fill
in the units register, make the departments' workbooks with `thidua templates`, put their
returned files in `{folder}/`, and run `thidua validate`.
"""
