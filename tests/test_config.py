import re
import shutil
from pathlib import Path

import pytest

from generator.judge.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGN = ROOT / "site_config" / "vpubnd-cantho-2019.yml"


def test_campaign_config_is_valid():
    config, issues = load_config(CAMPAIGN)
    assert issues == []
    assert config is not None
    assert config.period.end_as_written == "31/11/2019"
    assert f"{config.period.end:%d/%m/%Y}" == "30/11/2019"
    assert [c.id for c in config.criteria.collective] == ["TT1", "TT2", "TT3"]
    assert [c.id for c in config.criteria.individual] == ["CN1", "CN2", "CN3"]
    assert config.quotas.collective.count == 3 and config.quotas.individual.count == 2


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  start: 15/04/2019",
            "  start: 15/04/2019\n  colour: red",
            ("config-unknown-key", "period.colour", 37),
        ),
        ("  end: 30/11/2019", "  end: 31/11/2019", ("config-date-impossible", "period.end", 38)),
        (
            "{type: no_discipline}",
            "{type: no_such_rule}",
            ("config-invalid", "criteria.individual.2.predicate.type", 125),
        ),
        (
            "rating: HTXSNV}",
            "rating: EXCELLENT}",
            ("config-invalid", "criteria.collective.2.predicate.rating", 98),
        ),
        (
            "  deadline: dossier",
            "  deadline: tomorrow",
            ("config-unknown-reference", "dossier.deadline", 128),
        ),
        (
            "recognised_by: dossier}\n    - id: TT3",
            "recognised_by: hom-qua}\n    - id: TT3",
            ("config-unknown-reference", "criteria.collective.1.predicate.recognised_by", 93),
        ),
        (
            "    deadline: council-to-city",
            "    deadline: council",
            ("config-unknown-reference", "awards.1.deadline", 154),
        ),
        (
            "    name: Giấy khen",
            "    name: Giấy chứng nhận",
            ("config-invalid", "awards.0.name", 148),
        ),
        (
            "    proposal: true\n    deadline: council-to-city",
            "    proposal: false",
            ("config-invalid", "awards.1.proposal", 153),
        ),
        (
            "    issuer: Chánh Văn phòng UBND thành phố",
            "    issuer: Chánh Văn phòng UBND thành phố\n    deadline: council-to-city",
            ("config-invalid", "awards.0.deadline", 150),
        ),
        (
            "  time_zone: Asia/Ho_Chi_Minh",
            "  time_zone: Asia/Can_Tho",
            ("config-invalid", "campaign.time_zone", 30),
        ),
        (
            "  time_zone: Asia/Ho_Chi_Minh",
            "  time_zone: +07:00",
            ("config-invalid", "campaign.time_zone", 30),
        ),
        (
            "  document_date: 15/04/2019",
            "  document_date: 31/04/2019",
            ("config-date-impossible", "campaign.document_date", 29),
        ),
        (
            "collective: [recognised_initiatives]",
            "collective: [vote_share]",
            ("config-invalid", "ranking.collective.0", 143),
        ),
        (
            "columns: [to_trinh_no, to_trinh_date]",
            "columns: [so_to_trinh]",
            ("config-invalid", "dossier", 127),
        ),
        ("    - id: TT3", "    - id: TT2", ("config-duplicate-id", "criteria.collective.2.id", 94)),
        (
            "{type: rating_is, rating: HTXSNV}\n  individual",
            "{type: no_discipline}\n  individual",
            ("config-invalid", "criteria.collective.2.predicate", 98),
        ),
    ],
)
def test_config_errors_name_file_key_and_line(tmp_path, old, new, expected):
    text = CAMPAIGN.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "campaign.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    shutil.copytree(CAMPAIGN.parent / "contracts", tmp_path / "contracts")
    config, issues = load_config(broken)
    assert config is None
    assert [(i.code, i.column, i.row) for i in issues] == [expected]
    _, key, line = expected
    assert issues[0].file == str(broken)
    assert issues[0].message.startswith(f"Tệp cấu hình campaign.yml, dòng {line}, cột ")
    assert f", khóa {key}: " in issues[0].message and f", key {key}: " in issues[0].message_en


def test_every_config_field_is_documented():
    from pydantic import BaseModel

    from generator.judge import comments_config, config_awards
    from generator.judge import config as cfg
    from generator.judge.contract import spec

    documented = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    modules = (cfg, config_awards, spec, comments_config)
    for module, name in [(m, n) for m in modules for n in dir(m)]:
        model = getattr(module, name)
        if (
            isinstance(model, type)
            and issubclass(model, BaseModel)
            and model.__module__ == module.__name__
        ):
            for field, info in model.model_fields.items():
                assert info.description, f"{name}.{field} has no description"
                assert re.search(rf"`[\w.\[\]]*{field}`", documented), f"{name}.{field} not in docs"


def test_every_predicate_type_is_documented():
    import typing

    from generator.judge import rules

    documented = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    for cls in typing.get_args(typing.get_args(rules.Predicate)[0]):
        (type_name,) = typing.get_args(cls.model_fields["type"].annotation)
        assert f"### `{type_name}`" in documented
        entry = documented.split(f"### `{type_name}`", 1)[1].split("\n### ", 1)[0]
        for name, info in cls.model_fields.items():
            if name != "type":
                assert info.description, f"{type_name}.{name} has no description"
                assert f"- `{info.alias or name}`" in entry, f"{type_name}.{name} not in docs"


def test_every_cli_command_is_documented():
    from generator.cli.commands import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"thidua {name}" in readme
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"{name} {opt} not in README"


def test_unreadable_yaml_is_an_issue(tmp_path):
    bad = tmp_path / "c.yml"
    shutil.copy(CAMPAIGN, bad)
    bad.write_text("id: x\nsite:\n  title: [unclosed\n", encoding="utf-8")
    config, issues = load_config(bad)
    assert config is None
    assert [(i.code, i.column, i.row, i.text_column) for i in issues] == [
        ("config-unreadable", None, 4, 1)
    ]
    assert "cannot read YAML" in issues[0].message_en
