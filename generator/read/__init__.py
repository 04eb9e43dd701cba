"""The reading stage: untrusted spreadsheet files to typed rows and located issues."""
