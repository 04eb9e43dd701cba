"""Summary mode: when a campaign's lists are too long for one page to list every row.

A campaign is *summarised* when its longest list (nominees, collectives, recognised
initiatives, honour roll entries or departments) holds more rows than ``site.summary_above``.
Then the overview pages (``ket-qua/ca-nhan``, ``ket-qua/tap-the``, ``sang-kien``,
``vinh-danh``, ``don-vi``, ``tien-do``) show counts and a table of departments, each linking
to the department page that carries the rows; department pages also carry their honour
roll entries, and keep their details out of the search index (a nominee is found by name,
with the department and status). The home page's department chart shows the departments
with the most nominees. Below the threshold nothing changes, byte for byte.
"""

from __future__ import annotations

from generator.site.views import SiteView

TOP_UNITS = 20  # departments drawn in the home page's chart of a summarised campaign


def longest_list(view: SiteView) -> int:
    """Rows of the longest list an overview page would show."""
    return max(
        len(view.people),
        len(view.collectives),
        sum(1 for i in view.initiatives if i.recognised),
        len(view.honour),
        len(view.units),
    )


def summarised(view: SiteView) -> bool:
    """Whether the campaign's overview pages summarise (see the module's docstring)."""
    return longest_list(view) > view.config.site.summary_above
