import re
import shutil
from pathlib import Path

import pytest

from generator.judge.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGN = ROOT / "site_config" / "campaign.yml"


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
    ("old", "new", "key"),
    [
        ("  start: 15/04/2019", "  start: 15/04/2019\n  colour: red", "period.colour"),
        ("  end: 30/11/2019", "  end: 31/11/2019", "period.end"),
        ("{type: no_discipline}", "{type: no_such_rule}", "criteria.individual.2.predicate"),
        ("rating: HTXSNV}", "rating: EXCELLENT}", "criteria.collective.2.predicate.rating"),
        ("  deadline: dossier", "  deadline: tomorrow", "dossier.deadline"),
        (
            "recognised_by: dossier}\n    - id: TT3",
            "recognised_by: hom-qua}\n    - id: TT3",
            "criteria.collective.1.predicate.recognised_by",
        ),
        ("    deadline: council-to-city", "    deadline: council", "awards.1.deadline"),
        ("    name: Giấy khen", "    name: Giấy chứng nhận", "awards.0"),
        ("    proposal: true", "    proposal: false", "awards.1"),
        (
            "    issuer: Chánh Văn phòng UBND thành phố",
            "    issuer: Chánh Văn phòng UBND thành phố\n    deadline: council-to-city",
            "awards.0",
        ),
        ("  time_zone: Asia/Ho_Chi_Minh", "  time_zone: Asia/Can_Tho", "campaign.time_zone"),
        ("  time_zone: Asia/Ho_Chi_Minh", "  time_zone: +07:00", "campaign.time_zone"),
        ("  document_date: 15/04/2019", "  document_date: 31/04/2019", "campaign.document_date"),
        ("collective: [recognised_initiatives]", "collective: [vote_share]", "ranking"),
        ("columns: [to_trinh_no, to_trinh_date]", "columns: [so_to_trinh]", "dossier"),
        ("    - id: TT3", "    - id: TT2", "criteria"),
        (
            "{type: rating_is, rating: HTXSNV}\n  individual",
            "{type: no_discipline}\n  individual",
            "criteria",
        ),
    ],
)
def test_config_errors_name_file_and_key(tmp_path, old, new, key):
    text = CAMPAIGN.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "campaign.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    shutil.copytree(CAMPAIGN.parent / "contracts", tmp_path / "contracts")
    config, issues = load_config(broken)
    assert config is None
    assert len(issues) == 1
    assert issues[0].code == "config-invalid"
    assert issues[0].message.startswith(f"Cấu hình campaign.yml: {key}".rstrip(": "))


def test_every_config_field_is_documented():
    from pydantic import BaseModel

    from generator.judge import config as cfg
    from generator.judge.contract import spec

    documented = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    for module, name in [(m, n) for m in (cfg, spec) for n in dir(m)]:
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
    bad.write_text("id: [unclosed", encoding="utf-8")
    config, issues = load_config(bad)
    assert config is None and issues[0].code == "config-invalid"
