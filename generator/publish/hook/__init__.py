"""Builder hooks the staging tree's config names (``hooks:``), loaded by the builder by path."""
