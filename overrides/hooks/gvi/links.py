"""URLs: the edition's site_url under mike, and the language switcher's same-page links."""
from __future__ import annotations

import posixpath


def edition_site_url(site_url: str, version: str | None) -> str:
    """site_url with a trailing slash, and under mike exactly one version segment.

    mike sets site_url to urljoin(site_url, version): no trailing slash, which breaks the sitemap
    ('…/2023-01en/'). static-i18n runs the config events again for each language, so mike's
    join may also have been applied to an already fixed URL ('…/2023-01/2023-01').
    """
    url = site_url.rstrip("/")
    if version:
        while url.endswith("/" + version):
            url = url[: -len(version) - 1]
        url = f"{url}/{version}"
    return url + "/"


def language_prefixes(languages: list[str], default: str) -> dict[str, str]:
    return {lang: "" if lang == default else f"{lang}/" for lang in languages}


def neutral_url(page_url: str, prefixes: dict[str, str]) -> str:
    """'en/roller/' -> 'roller/'; '' -> ''."""
    for prefix in prefixes.values():
        if prefix and (page_url == prefix or page_url.startswith(prefix)):
            return page_url[len(prefix):]
    return page_url


def relative_link(from_url: str, to_url: str) -> str:
    """A link from one page's directory URL to another, relative, so it works under any prefix."""
    base = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + to_url, "/" + base)
    if rel == ".":
        return "./"
    directory = to_url == "" or to_url.endswith("/")
    return rel + ("/" if directory and not rel.endswith("/") else "")


def alternates(page_url: str, prefixes: dict[str, str]) -> dict[str, str]:
    """For each language, the relative link to this page in that language."""
    neutral = neutral_url(page_url, prefixes)
    return {lang: relative_link(page_url, prefix + neutral) for lang, prefix in prefixes.items()}


def site_root_path(site_url: str, version: str | None) -> str:
    """The path of the site's root, above any edition: 'https://h/gvi/2023-01/' -> '/gvi/'."""
    from urllib.parse import urlsplit

    path = urlsplit(site_url).path or "/"
    if not path.endswith("/"):
        path += "/"
    if version and path.endswith(f"/{version}/"):
        path = path[: -len(version) - 1]
    return path
