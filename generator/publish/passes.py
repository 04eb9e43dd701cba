"""mkdocs-facing steps of the public site that are not about the campaign data.

Called from :class:`generator.mkdocs_plugin.ThiduaPlugin` (one line per event), kept here so
the plugin stays a thin adapter: the news feed (``on_files``), links that work from disk in
the offline build (``on_page_content``) and the diacritic-folded search index
(``on_post_build``, after Material's search plugin wrote it and before its offline plugin
inlines it).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.publish.offline import file_links
from generator.read.text import slug
from generator.site.news import FEED_PATH, NEWS_DIR, PostError, read_post, rss
from generator.site.search_index import fold_index_file


def add_news_feed(files: Files, config: MkDocsConfig) -> None:
    """Generate ``rss.xml`` from the front matter of the posts under ``tin-tuc/``."""
    index = files.get_file_from_path(f"{NEWS_DIR}/index.md")
    if index is None or files.get_file_from_path(FEED_PATH) is not None:
        return
    posts = []
    for f in files.documentation_pages():
        if not f.src_uri.startswith(f"{NEWS_DIR}/") or f.src_uri == index.src_uri:
            continue
        try:
            posts.append(read_post(f.content_string, f.url, f.src_uri))
        except PostError as exc:
            raise PluginError(f"thidua: {exc}") from exc
    feed = rss(
        posts,
        site_name=config.site_name,
        description=config.site_description or config.site_name,
        index_url=index.url,
        site_url=config.site_url or None,
    )
    files.append(File.generated(config, FEED_PATH, content=feed))


def page_links(html: str, config: MkDocsConfig) -> str:
    """Without directory URLs (offline build), links to folders must name index.html."""
    return html if config.use_directory_urls else file_links(html)


def fold_search_index(config: MkDocsConfig) -> None:
    fold_index_file(Path(config.site_dir) / "search" / "search_index.json")


def heading_slug(value: str, separator: str) -> str:
    """Anchors of hand-written headings (Markdown ``toc``): 'Điều kiện để được xét' →
    'dieu-kien-de-duoc-xet' (the default drops 'đ' and every accented letter)."""
    return slug(value).replace("-", separator) or "muc"
