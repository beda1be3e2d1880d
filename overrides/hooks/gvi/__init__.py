"""Build-time logic for the GVI-veckan site, as pure functions.

The MkDocs hook file ``overrides/hooks/gvi_hooks.py`` is a thin adapter over this package; unit
tests import these modules directly.
"""
