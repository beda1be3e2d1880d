"""Build-time logic for the GVI-veckan site, as pure functions.

The MkDocs hook file ``overrides/hooks/gvi_hooks.py`` is a thin adapter over this package; unit
tests import these modules directly.
"""

# Every YAML reader of the package reads an impossible date as a YAML error with its line.
from . import yamltext  # noqa: E402,F401
