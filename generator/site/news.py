"""News posts (hand-written Markdown under ``content/tin-tuc/``) and their RSS 2.0 feed
(``/rss.xml``).

Builder-independent: :func:`read_post` reads a post's YAML front matter (``title``, ``date``
as YYYY-MM-DD, ``summary``) and :func:`rss` writes the feed. The feed is deterministic: its
dates come from the posts, never from the clock, and items are ordered newest first. A
campaign with a comment window (góp ý) announces it with one more item: its ``/gop-y/`` page
carries a post's front matter (dated by the window's first day).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, urljoin

import yaml

NEWS_DIR = "tin-tuc"
# At the site root, not under tin-tuc/: Material fetches "sitemap.xml" next to every
# <link rel="alternate"> it finds (language versions), which for a feed in tin-tuc/ would be
# a request for tin-tuc/sitemap.xml, failing on every page view.
FEED_PATH = "rss.xml"
FEED_TITLE = "Tin tức"
# A campaign's comment window page (generator/site/pages/gop_y.py): its front matter makes
# it the feed's announcement of the window.
WINDOW_PAGE = "gop-y/index.md"
VIETNAM = dt.timezone(dt.timedelta(hours=7))


class PostError(ValueError):
    """A news post without a usable title or date in its front matter."""


@dataclass(frozen=True)
class Post:
    title: str
    date: dt.date
    summary: str
    url: str  # site-relative URL of the post's page, e.g. "tin-tuc/ra-mat-trang/"


def front_matter(source: str) -> dict[str, object]:
    """The YAML front matter of a Markdown page (``---`` … ``---``), or {}."""
    lines = source.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return {}
    for n, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            meta = yaml.safe_load("\n".join(lines[1:n])) or {}
            return meta if isinstance(meta, dict) else {}
    return {}


def read_post(source: str, url: str, where: str = "") -> Post:
    meta = front_matter(source)
    title = str(meta.get("title") or "").strip()
    date = meta.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date.strip())
        except ValueError:
            date = None
    if isinstance(date, dt.datetime):
        date = date.date()
    if not title or not isinstance(date, dt.date):
        raise PostError(f"{where or url}: a news post needs 'title' and 'date: YYYY-MM-DD'")
    return Post(title, date, " ".join(str(meta.get("summary") or "").split()), url)


def ordered(posts: Iterable[Post]) -> list[Post]:
    """Newest first; same day: by URL, so the order never depends on the file system."""
    return sorted(posts, key=lambda p: (-p.date.toordinal(), p.url))


def _link(url: str, site_url: str | None) -> str:
    """Absolute with a site URL; otherwise relative to the feed's own folder."""
    if site_url:
        return urljoin(site_url.rstrip("/") + "/", url)
    base = posixpath.dirname(FEED_PATH) or "."
    rel = posixpath.relpath(url.rstrip("/") or ".", base)
    return rel + "/" if url.endswith("/") and rel != "." else ("./" if rel == "." else rel)


def _rfc822(day: dt.date) -> str:
    return email.utils.format_datetime(dt.datetime.combine(day, dt.time(), VIETNAM))


def rss(
    posts: Iterable[Post],
    *,
    site_name: str,
    description: str,
    index_url: str,
    site_url: str | None = None,
) -> bytes:
    """The RSS 2.0 feed of the posts (UTF-8 bytes); text is escaped by ElementTree."""
    items = ordered(posts)
    root = ET.Element("rss", {"version": "2.0"})
    if site_url:
        root.set("xmlns:atom", "http://www.w3.org/2005/Atom")
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = f"{FEED_TITLE} — {site_name}"
    ET.SubElement(channel, "link").text = _link(index_url, site_url)
    ET.SubElement(channel, "description").text = description
    ET.SubElement(channel, "language").text = "vi"
    if site_url:
        ET.SubElement(
            channel,
            "atom:link",
            {"href": _link(FEED_PATH, site_url), "rel": "self", "type": "application/rss+xml"},
        )
    if items:
        ET.SubElement(channel, "lastBuildDate").text = _rfc822(items[0].date)
    for post in items:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = post.title
        link = _link(post.url, site_url)
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", {"isPermaLink": "true" if site_url else "false"}).text = (
            link if site_url else post.url
        )
        ET.SubElement(item, "pubDate").text = _rfc822(post.date)
        if post.summary:
            ET.SubElement(item, "description").text = post.summary
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def page_dest(src_uri: str, directory_urls: bool) -> str:
    """Where a builder writes a content file, as mkdocs does: a Markdown page becomes
    ``a/index.html`` (directory URLs) or ``a.html``; ``index.md`` and ``README.md`` become
    their folder's ``index.html``; any other file keeps its path."""
    stem, suffix = posixpath.splitext(src_uri)
    if suffix != ".md":
        return src_uri
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html")
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The site-relative URL of a page, from where it is written (as mkdocs does): with
    directory URLs ``tin-tuc/a.md`` → ``tin-tuc/a/``; without, ``tin-tuc/a.html``."""
    dest = page_dest(src_uri, directory_urls)
    folder, name = posixpath.split(dest)
    if directory_urls and name == "index.html":
        dest = (folder or ".") + "/"
    return quote(dest, safe="/#:")


def is_news_page(src_uri: str) -> bool:
    """A page the feed reads: a Markdown page under ``tin-tuc/``, or a campaign's comment
    window page (``gop-y/index.md``, at the root or in a campaign's folder), which
    announces the window when its front matter has a date."""
    if src_uri.startswith(f"{NEWS_DIR}/") and src_uri.endswith(".md"):
        return True
    return _is_window_page(src_uri)


def _is_window_page(src_uri: str) -> bool:
    return src_uri == WINDOW_PAGE or (
        src_uri.endswith(f"/{WINDOW_PAGE}") and src_uri.count("/") == WINDOW_PAGE.count("/") + 1
    )


def feed_for(
    sources: Mapping[str, str],
    *,
    site_name: str,
    description: str,
    site_url: str | None,
    directory_urls: bool,
) -> bytes | None:
    """The feed of the posts among ``sources`` (Markdown page path → text: the news pages are
    enough, see :func:`is_news_page`), or None when the site has no news page (``tin-tuc/index.md``). Raises :class:`PostError` for a bad post."""
    index = f"{NEWS_DIR}/index.md"
    if index not in sources:
        return None
    posts = [
        read_post(text, page_url(uri, directory_urls), uri)
        for uri, text in sorted(sources.items())
        if is_news_page(uri)
        and uri != index
        and not (_is_window_page(uri) and "date" not in front_matter(text))
    ]  # a window page without a date is a root redirect page: not an announcement
    return rss(
        posts,
        site_name=site_name,
        description=description or site_name,
        index_url=page_url(index, directory_urls),
        site_url=site_url or None,
    )
