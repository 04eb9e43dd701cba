"""The judging stage: the contract, the campaign config, records, criteria, status."""
