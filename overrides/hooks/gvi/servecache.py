"""Under `mkdocs serve` only: what a rebuild can take from the previous one because its inputs are
the same. A full build (`mkdocs build`, the tests, CI, deploys) never uses any of it. (``Memo``
alone is also used by the content checks without a build, gvi/checks.py ``check_project``: a
process that checks the site again reads the answers for the pages that did not change.)

MkDocs rebuilds every page of both languages after each save; rendering the Markdown was half of
a rebuild, the content checks, Material's search indexing and the finished page's last steps most
of the rest. Four things are remembered, each keyed by everything it reads:

1. A page's rendered Markdown (``install``), keyed by
   - the Markdown as the hooks and plugins left it (local facts, legal status and generated lists
     are filled in before rendering: a change to them is a change of this text);
   - the page's own file (source path, output path, URL) and every file of the build with its URL
     (relative links are resolved, and checked, against them);
   - the Markdown extensions and their settings (the page's language is one of them);
   - a hash of every file under ``docs/_data`` (data files and snippets, which the project's
     Markdown extension and pymdownx.snippets read while rendering; content, not times).
   Only a render that logged nothing (no warning, no note about a link) is kept, so a rebuild says
   every problem again. One entry per page and language.
2. A page's search entries (``index_search``): its HTML, address, title, tags, search settings
   and table of contents.
3. The slowest content checks of a page (``MEMO``, used by gvi/guards.py): the page's text, for
   one generation of the data (the ``_data`` hash, the date, the languages). The checks across
   pages run on every rebuild.
4. The finished page (the hook's on_post_page; ``MEMO``): the page as Material wrote it.

And a save is heard at once (``notify_changes``: inotify instead of a half-second poll).

tests/build/test_serve_cache.py builds as `mkdocs serve` does and compares byte for byte with a
rebuild that remembers nothing. What this module relies on in MkDocs 1.6 and Material 9.8
(Page.render's attributes, LiveReloadServer's watch table, SearchIndex.add_entry_from_context)
is listed in MAINTAINING.md, to check after an upgrade.
"""
from __future__ import annotations

import datetime
import hashlib
import logging
import os

_ENTRIES: dict[tuple, tuple] = {}  # (src_uri, lang) -> (key, snapshot)
_FILES: list = []  # [(files object, its signature)]: the last build's, computed once per build
stats = {"hits": 0, "misses": 0}


def data_stamp(docs_dir: str) -> str:
    """A hash of every file under docs_dir/_data (names and contents): about a millisecond."""
    digest = hashlib.sha1()
    for folder, dirs, names in os.walk(os.path.join(docs_dir, "_data")):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as handle:
                    content = handle.read()
            except OSError:
                continue
            digest.update(f"{os.path.relpath(path, docs_dir)}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.hexdigest()


def generation(stamp: str, languages, default: str) -> tuple:
    """What the content checks' answers depend on besides the page: the data files (``stamp``,
    data_stamp), the date (a legal check's age) and the languages. Memo.begin's argument."""
    return (stamp, datetime.date.today(), tuple(languages), default)


class Memo:
    """Answers of pure functions of a page (its text and the data) for one generation: the data
    files' hash, the date and the languages. A new generation forgets every answer."""

    LIMIT = 20_000  # entries; an author saving for hours adds a few per save

    def __init__(self):
        self.generation = None
        self.answers: dict = {}

    def begin(self, generation) -> None:
        if generation != self.generation or len(self.answers) > self.LIMIT:
            self.answers.clear()
            self.generation = generation

    def get(self, key, compute):
        try:
            return self.answers[key]
        except KeyError:
            value = self.answers[key] = compute()
            return value


MEMO = Memo()  # begun by the hook on each build under `mkdocs serve`, never used by a full build


def forget() -> None:
    """Empty every cache: the next build renders and checks everything (the tests compare)."""
    _ENTRIES.clear()
    _SEARCH.clear()
    _FILES.clear()
    MEMO.answers.clear()
    MEMO.generation = None


def _files_signature(files) -> tuple:
    for known, signature in _FILES:
        if known is files:
            return signature
    signature = tuple(sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files))
    _FILES[:] = [(files, signature)]
    return signature


def _config_signature(config) -> str:
    return repr((config["markdown_extensions"], sorted((k, repr(v)) for k, v in (config["mdx_configs"] or {}).items()),
                 config["use_directory_urls"], repr(config["validation"])))


class _Heard(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record):
        self.count += 1


def install(page, stamp: str) -> None:
    """Make ``page.render`` (called by MkDocs right after on_page_markdown) use the cache.
    ``stamp``: data_stamp(docs_dir), taken once per build."""
    original = page.render

    def render(config, files):
        key = (page.markdown, page.file.src_uri, page.file.dest_uri, page.file.url, _files_signature(files),
               _config_signature(config), stamp)
        slot = (page.file.src_uri, config["theme"].get("language"))
        entry = _ENTRIES.get(slot)
        if entry and entry[0] == key and _restore(page, entry[1], files):
            stats["hits"] += 1
            return
        stats["misses"] += 1
        heard = _Heard()
        loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
        for logger in loggers:
            logger.addHandler(heard)
        try:
            original(config, files)
        finally:
            for logger in loggers:
                logger.removeHandler(heard)
        if heard.count:
            _ENTRIES.pop(slot, None)
        else:
            _ENTRIES[slot] = (key, _snapshot(page))

    page.render = render


def _snapshot(page) -> tuple:
    links = page.links_to_anchors
    return (page.content, page.toc, page._title_from_render, set(page.present_anchor_ids or ()),
            None if links is None else {f.src_uri: dict(v) for f, v in links.items()})


def _restore(page, snapshot, files) -> bool:
    content, toc, title, anchors, links = snapshot
    if links is not None:
        resolved = {}
        for uri, value in links.items():
            target = files.get_file_from_path(uri)
            if target is None:
                return False
            resolved[target] = dict(value)
        links = resolved
    page.content, page.toc, page._title_from_render = content, toc, title
    page.present_anchor_ids = set(anchors)
    if links is not None:
        page.links_to_anchors = links
    return True


_SEARCH: dict[str, tuple] = {}  # page URL -> (key, the search entries made for it)


def index_search(index) -> None:
    """Make Material's search index (``SearchIndex``, built anew for each language's build) take a
    page's entries from the previous rebuild when what it reads is the same: the page's HTML,
    address, title, tags, search settings and table of contents."""
    original = index.add_entry_from_context

    def add_entry_from_context(page):
        key = (page.content, page.url, str(page.meta.get("title", page.title)), repr(page.meta.get("tags")),
               repr(page.meta.get("search")), _toc_signature(page.toc))
        entry = _SEARCH.get(page.url)
        if entry and entry[0] == key:
            stats["hits"] += 1
            index.entries.extend(_copy(e) for e in entry[1])
            return
        stats["misses"] += 1
        start = len(index.entries)
        original(page)
        _SEARCH[page.url] = (key, [_copy(e) for e in index.entries[start:]])

    index.add_entry_from_context = add_entry_from_context


def _toc_signature(toc) -> tuple:
    return tuple((item.id, item.url, item.title, item.level, _toc_signature(item.children)) for item in toc or ())


def _copy(entry: dict) -> dict:
    return {k: list(v) if isinstance(v, list) else v for k, v in entry.items()}


def notify_changes(server) -> bool:
    """Let `mkdocs serve` hear of a saved file from the kernel (inotify) instead of MkDocs' polling
    observer, which stats every watched file each half second (up to 0.5 s before a rebuild starts,
    and the scans compete with the build for the CPU). Only the events of a changed file count:
    inotify also reports each file the build opens and reads, which must not start a rebuild.
    Where inotify cannot be had (not Linux, or no watches left), polling stays: True if swapped.

    Uses MkDocs' LiveReloadServer internals (_watched_paths, _watch_refs; MkDocs 1.6): called from
    on_serve, before the server starts its observer."""
    try:
        from watchdog.events import FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:
        return False
    changes = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent]

    class ChangeObserver(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or changes)

    old = (server.observer, dict(server._watched_paths), dict(server._watch_refs))
    try:
        server.observer = ChangeObserver()
        server._watched_paths.clear()
        server._watch_refs.clear()
        for path, count in old[1].items():
            for _ in range(count):
                server.watch(path)
    except OSError as exc:
        logging.getLogger("mkdocs.hooks.gvi").info("gvi: inotify is not available (%s); polling for changes.", exc)
        server.observer = old[0]
        server._watched_paths.clear()
        server._watched_paths.update(old[1])
        server._watch_refs.clear()
        server._watch_refs.update(old[2])
        return False
    return True
