"""Names for Material's icon-only header controls that come without one: the menu and search
icons on a phone, and the magnifier in the search box, are <label>s for hidden checkboxes, with an icon and no words. A title names
them (as Material's own palette toggle is named), so no visible control is left without a name."""
from __future__ import annotations

import html
import re

# The checkbox a header label toggles -> the strings.yml key of its name.
HEADER_ICONS = {"__drawer": "header_menu", "__search": "header_search"}
# The strings.yml keys of the colour scheme toggles' names, in mkdocs.yml's palette order.
PALETTE = ("palette_to_dark", "palette_to_light")


def name_header_icons(page: str, names: dict[str, str]) -> str:
    """``names``: {checkbox id: name}. Labels that already have a title keep it."""
    for target, name in names.items():
        page = re.sub(rf'<label class="((?:md-header__button|md-search__icon) md-icon)" for="{re.escape(target)}">',
                      lambda m: f'<label class="{m.group(1)}" for="{target}" title="{html.escape(name)}">',
                      page)
    return page


def translate_names(page: str, names: dict[str, str]) -> str:
    """Control names written in the default language by the theme's configuration (the colour
    scheme toggles' names in mkdocs.yml) put into the page's language: ``names`` maps each
    configured name to its translation, replaced only in title and aria-label attributes."""
    for source, target in names.items():
        if source and target and source != target:
            old, new = html.escape(source), html.escape(target)
            # One literal pattern per attribute: a pattern that starts with \b or an alternation is
            # tried at every offset of the page (3 ms a page). The word boundary before the
            # attribute's name (\btitle) is checked on each match instead.
            for name in ("title", "aria-label"):
                page = re.sub(re.escape(f'{name}="{old}"'),
                              lambda m, name=name, new=new: m[0] if _word_before(m) else f'{name}="{new}"', page)
    return page


def _word_before(match: re.Match) -> bool:
    """Whether a word character comes right before the match (it does not start a word)."""
    start = match.start()
    return start > 0 and re.match(r"\w", match.string[start - 1]) is not None
