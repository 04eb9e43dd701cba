"""Helpers of the publication-safety tests (issue 5): building sites, reading every file."""
