"""The staff guide's page on quotas, ranking and award routes (content/huong-dan/chi-tieu.md)
covers every option the config models have, each with a worked example, and every example
is a valid piece of configuration.

An option is a field of a quota (``Quota``), of a ranking key (``RankKey``: its named keys
instead of ``key``) or of an award's route (the ``Award`` fields beyond the form's identity).
Each has its own ``### `option``` section holding a YAML example that writes it and the word
"Ví dụ" (the worked example); an option with a list of values (``per``, ``of``,
``rounding``, ``direction``) explains every value as ```option: value``` in its section and
writes it in an example of the page.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter

from generator.judge.config_awards import NAMED_KEYS, Award, Quota, Quotas, Ranking, RankKey

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "content" / "huong-dan"
PAGE = GUIDE / "chi-tieu.md"
# Award fields that name the form (what it is), not its route: documented in docs/config.md.
AWARD_IDENTITY = {"id", "name", "issuer", "proposal", "deadline"}


def _sections(text: str, level: int) -> dict[str, str]:
    """Heading text → the section's text up to the next heading of that level or higher."""
    found: dict[str, str] = {}
    parts = re.split(rf"(?m)^(#{{1,{level}}} .*)$", text)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        if heading.startswith("#" * level + " "):
            found[re.sub(r"\s*\{#[\w-]+\}$", "", heading[level + 1 :]).strip()] = body
    return found


def _chapter(marker: str) -> dict[str, str]:
    chapters = _sections(PAGE.read_text(encoding="utf-8"), 2)
    (body,) = [b for h, b in chapters.items() if f"`{marker}`" in h]
    return _sections(body, 3)


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def _literal_values(model: type, field: str) -> tuple[str, ...]:
    annotation = model.model_fields[field].annotation  # type: ignore[attr-defined]
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return tuple(str(v) for v in typing.get_args(arg))
    return ()


OPTIONS = [
    *(("quotas", Quota, f) for f in Quota.model_fields),
    *(("ranking", RankKey, f) for f in RankKey.model_fields if f != "key"),
    *(("ranking", None, k) for k in NAMED_KEYS),
    *(("awards", Award, f) for f in Award.model_fields if f not in AWARD_IDENTITY),
]


@pytest.mark.parametrize(("chapter", "model", "option"), OPTIONS)
def test_every_option_has_its_entry_and_worked_example(
    chapter: str, model: type | None, option: str
) -> None:
    sections = _chapter(chapter)
    assert f"`{option}`" in sections, f"chi-tieu.md has no section ### `{option}` in {chapter}"
    body = sections[f"`{option}`"]
    assert "Ví dụ" in body, f"`{option}`: no worked example"
    blocks = _yaml_blocks(body)
    assert blocks, f"`{option}`: no YAML example"
    written = "\n".join(blocks)
    assert re.search(rf"\b{option}\b", written), f"`{option}` is not in its YAML example"
    prose = re.sub(r"```yaml\n.*?```", "", body, flags=re.S)
    every_example = "\n".join(_examples())
    for value in _literal_values(model, option) if model is not None else ():
        assert f"`{option}: {value}`" in prose, f"`{option}: {value}` is not explained"
        assert re.search(rf"\b{option}: {value}\b", every_example), f"no example of {value}"


def _examples() -> list[str]:
    return _yaml_blocks(PAGE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("block", _examples())
def test_every_example_is_valid_configuration(block: str) -> None:
    data = yaml.safe_load(block)
    assert isinstance(data, dict) and len(data) == 1, block
    ((key, value),) = data.items()
    model = {"quotas": Quotas, "ranking": Ranking, "awards": list[Award]}[key]
    TypeAdapter(model).validate_python(value)


def test_the_new_statuses_are_explained_with_their_words() -> None:
    from generator.judge.model import Status

    text = " ".join(PAGE.read_text(encoding="utf-8").split())  # lines wrapped anywhere
    assert Status.BELOW_VOTE_SHARE.label in text
    assert "Đề nghị Bằng khen nhưng chỉ đạt tiêu chí Giấy khen — chờ Hội đồng" in text
    assert "award-lower-form" in text


def test_the_guide_entry_page_links_its_parts() -> None:
    index = (GUIDE / "index.md").read_text(encoding="utf-8")
    assert "(dieu-kien.md)" in index and "(chi-tieu.md)" in index
    for page in ("dieu-kien.md", "chi-tieu.md"):
        assert "(index.md)" in (GUIDE / page).read_text(encoding="utf-8")
