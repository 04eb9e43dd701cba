"""Staff and developer tools behind CLI commands: blank workbooks, synthetic campaigns."""
