"""Material's search plugin without its slow no-op on pages that hold nothing to remove.

After indexing a page, Material's search plugin (``on_page_context``) removes the page's
valued ``data-search-*`` attributes with ``re.sub(r'\\s?data-search-\\w+="[^"]+"', "", …)``.
The optional leading ``\\s?`` keeps the regular expression engine from looking for the
literal first, so it tries every position of every page: over a second of the builder at
3,000 department pages, which hold no such attribute (``data-search-exclude`` has no value).

Every match of Material's pattern holds a match of :data:`ATTRIBUTE` (its part after ``\\s?``),
and every match of :data:`ATTRIBUTE` is one of Material's (with no space taken). So where
:data:`ATTRIBUTE`, which starts with a literal the engine finds fast, finds nothing, the
removal gives the page back unchanged. :func:`quicken` puts that check in front of the
plugin's registered event; a page with such an attribute goes through the plugin as before.
It does so only when the plugin's method holds exactly :data:`MATERIAL_PATTERN` (the pinned
Material's), so another version's plugin is left as it is.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

MATERIAL_PATTERN = r"\s?data-search-\w+=\"[^\"]+\""  # as Material's source spells it
ATTRIBUTE = re.compile(r'data-search-\w+="[^"]+"')
_PLUGIN = ("material.plugins.search.plugin", "SearchPlugin")


def quicken(plugins: Any) -> bool:
    """Put the check in front of the search plugin's ``on_page_context`` among ``plugins``
    (the builder's plugin collection); False when there is no such plugin of that source."""
    events = getattr(plugins, "events", None)
    methods = events.get("page_context") if isinstance(events, dict) else None
    if not isinstance(methods, list):
        return False
    for n, method in enumerate(methods):
        plugin = getattr(method, "__self__", None)
        if plugin is not None and _is_material_search(plugin):
            methods[n] = _checked(method, plugin)
            return True
    return False


# The pinned Material's method (whitespace aside): indexing, then the removal, nothing else.
_MATERIAL_METHOD = (
    "def on_page_context(self, context, *, page, config, nav):"
    "if not self.config.enabled: return"
    "# Index page\n"
    "self.search_index.add_entry_from_context(page)"
    f'page.content = re.sub(r"{MATERIAL_PATTERN}", "", page.content)'
)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_material_search(plugin: Any) -> bool:
    kind = type(plugin)
    if (kind.__module__, kind.__name__) != _PLUGIN:
        return False
    try:
        source = inspect.getsource(kind.on_page_context)
    except (OSError, TypeError):
        return False
    return _squeezed(source) == _squeezed(_MATERIAL_METHOD)


def _checked(method: Callable[..., Any], plugin: Any) -> Callable[..., Any]:
    def on_page_context(context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        content = page.content
        if not plugin.config.enabled or content is None or ATTRIBUTE.search(content):
            return method(context, page=page, config=config, nav=nav)
        plugin.search_index.add_entry_from_context(page)  # the removal would change nothing
        return None

    return on_page_context
