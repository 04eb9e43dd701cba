"""A repository of two campaigns, for the tests of a site with several campaigns.

The founding campaign as committed (``path: vpubnd-2019``, its data the repository's through
a link, so git dates it) and a tiny second campaign ``thu-2020`` written here: the founding
rules with another id, name and data folder (:class:`tests.builders.mini.Mini`'s two
departments), no ``campaign.plan_page`` (the site's plan page is the founding campaign's),
``path: thu-2020`` and ``current: true``. The project's ``mkdocs.yml`` is the
repository's with its content folder and theme overrides named by absolute path, so
``thidua build`` (run in the project folder) and plain ``mkdocs build`` both build it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.builders.founding import CONFIG, ROOT
from tests.builders.mini import Mini

SECOND_ID = "thu-2020"
SECOND_PATH = "thu-2020"
SECOND_NAME = "Phong trào thi đua thử nghiệm năm 2020"
FOUNDING_PATH = "vpubnd-2019"


def second_config(text: str, *, cid: str = SECOND_ID, path: str = SECOND_PATH) -> str:
    """The founding campaign's text made into another campaign (id, data, name, path, current)."""
    founding = "Phong trào thi đua thực hiện cải cách hành chính năm 2019"
    assert text.count(founding) == 1 and text.count("path: vpubnd-2019\n") == 1
    text = text.replace("id: vpubnd-cantho-2019\n", f"id: {cid}\n", 1)
    text = text.replace("data_dir: data/vpubnd-cantho-2019\n", f"data_dir: data/{cid}\n", 1)
    text = text.replace(founding, SECOND_NAME)
    plan = re.compile(r"^  plan_page:.*$", flags=re.MULTILINE)  # the site's plan: not its own
    text = plan.sub("  # no plan_page (line kept: issues keep their line numbers)", text, count=1)
    return text.replace("path: vpubnd-2019\n", f"path: {path}\ncurrent: true\n")


def campaigns_project(folder: Path) -> Path:
    """Write the two-campaign project into ``folder``; returns ``folder``."""
    configs = folder / "site_config"
    shutil.copytree(CONFIG.parent / "contracts", configs / "contracts")
    founding = CONFIG.read_text(encoding="utf-8")
    (configs / CONFIG.name).write_text(founding, encoding="utf-8")
    (configs / f"{SECOND_ID}.yml").write_text(second_config(founding), encoding="utf-8")
    (folder / "data").mkdir()
    (folder / "data" / "vpubnd-cantho-2019").symlink_to(ROOT / "data" / "vpubnd-cantho-2019")
    Mini().write(folder / "data" / SECOND_ID)
    conf = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    conf = conf.replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}")
    conf = conf.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (folder / "mkdocs.yml").write_text(conf, encoding="utf-8")
    return folder
