"""Thi đua CCHC: the transparency site generator for Vietnamese public-sector award campaigns."""
