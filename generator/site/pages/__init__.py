"""Pages: the public views become Markdown page sources (builder-independent).

Each page is ``# Title`` (escaped for both HTML and Markdown) followed by exactly ONE raw
HTML block rendered by Jinja2 with ``autoescape=True`` and ``StrictUndefined``. Cell text is
never pasted into Markdown: Python-Markdown stashes the raw block untouched, so a name such as
``**bold**`` or ``<script>`` stays literal, visible text. The block starts at column 0 with a
``<div>`` and holds no blank line (data whitespace is collapsed by the environment's
``finalize``), which is what keeps Python-Markdown from reading into it.

Links between generated pages are relative, final URLs for ``use_directory_urls: true``
(``ket-qua/ca-nhan/`` → ``../../don-vi/th/``), computed by :func:`.links.relative_url`.

:mod:`.registry` lists every page and which builder makes it; :mod:`.renderer` turns a
template and its values into a page source.
"""
