"""The public site stage: views, pages and templates, charts, open data, search data, news, history."""
