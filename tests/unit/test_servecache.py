"""The `mkdocs serve` caches' own rules (overrides/hooks/gvi/servecache.py); that a cached rebuild
writes what a full one writes is tests/build/test_serve_cache.py."""
from __future__ import annotations

import os

from gvi import servecache


def test_the_data_stamp_follows_content_not_the_clock(tmp_path):
    data = tmp_path / "_data"
    (data / "snippets").mkdir(parents=True)
    local = data / "local.yml"
    local.write_text("week: {city: Stockholm}\n", encoding="utf-8")
    (data / "snippets" / "note.md").write_text("A note.\n", encoding="utf-8")
    first = servecache.data_stamp(str(tmp_path))
    stat = local.stat()
    local.write_text("week: {city: Göteborg}\n"[: len("week: {city: Stockholm}\n")], encoding="utf-8")
    os.utime(local, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time: new text
    assert local.stat().st_size == stat.st_size
    assert servecache.data_stamp(str(tmp_path)) != first
    local.write_text("week: {city: Stockholm}\n", encoding="utf-8")
    assert servecache.data_stamp(str(tmp_path)) == first
    (data / "snippets" / "note.md").write_text("Another note.\n", encoding="utf-8")  # snippets count too
    assert servecache.data_stamp(str(tmp_path)) != first


def test_the_memo_answers_once_per_key_and_forgets_with_new_data():
    memo, calls = servecache.Memo(), []

    def compute():
        calls.append(1)
        return ["answer"]

    memo.begin(("data-1", "2026-12-06"))
    assert memo.get(("check", "text"), compute) == ["answer"]
    assert memo.get(("check", "text"), compute) == ["answer"] and len(calls) == 1
    memo.get(("check", "other text"), compute)
    assert len(calls) == 2
    memo.begin(("data-1", "2026-12-06"))  # the same data: the answers stay
    memo.get(("check", "text"), compute)
    assert len(calls) == 2
    memo.begin(("data-2", "2026-12-06"))  # a data file changed: every answer is asked again
    memo.get(("check", "text"), compute)
    assert len(calls) == 3
    memo.begin(("data-2", "2026-12-07"))  # a new day (legal status depends on it)
    memo.get(("check", "text"), compute)
    assert len(calls) == 4
