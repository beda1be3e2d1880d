"""Compiled Jinja templates kept in memory for the life of the process.

MkDocs makes a new Jinja environment for each language's build (static-i18n builds the second
language in the same process) and for every rebuild under `mkdocs serve`, and each compiles
Material's templates again. Jinja's bytecode cache keys each template by its name and file and
checks the source's checksum, so a changed template is compiled afresh (overrides/ edits under
`mkdocs serve` included); this one keeps the code in a dict instead of files.
"""
from __future__ import annotations

from jinja2 import BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the source's checksum differs

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.store.clear()


CACHE = MemoryBytecodeCache()


def use(env) -> None:
    """Give a MkDocs Jinja environment the process's cache (the build hook's on_env)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = CACHE
