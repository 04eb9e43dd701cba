"""documents — the evaluated campaign to the staff's internal documents (``thidua documents``).

A stage beside :mod:`generator.site`: it reads the judged :class:`~generator.judge.pipeline.Result`
(never the public projection, never the site) and returns bytes: the Council's summary list
(.xlsx), the draft decision with its appendix and the draft Tờ trình (.docx, layout of Nghị định
30/2020/NĐ-CP, Phụ lục I) and the certificates to overprint (.pdf). Internal columns appear only
where the campaign's ``documents`` config declares them. The output is never published.
"""
