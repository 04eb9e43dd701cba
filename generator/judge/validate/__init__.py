"""Validate stage: read every discovered file, turn rows into records, cross-check them.

Returns a :class:`~.driver.Validation` whose :class:`~generator.judge.model.Dataset` holds
only accepted rows, with the issues for the whole input and per-sheet counts where rows
read = accepted + rejected. :mod:`.driver` runs the steps; :mod:`.registers`,
:mod:`.departments` and :mod:`.council` turn each sheet's rows into records;
:mod:`.uniqueness` and :mod:`.crosschecks` check rows against each other; :mod:`.counts`
counts them.
"""
