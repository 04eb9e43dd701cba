"""The command line (a thin edge): commands and their output formats."""
