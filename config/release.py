"""The release the site runs: a digest of the files its pages are made from.

Kept pages (core/page_cache.py), kept fragments and the ETags of the pages hold HTML, and the names of
static files with their content hash, of the release that made them. The cache's key prefix holds this
digest (CACHES in config/settings.py), so after a deploy every process of the new release starts with
nothing kept and a new generation, while a process of the old release that still serves during a rolling
deploy keeps reading its own.
"""

import hashlib
from pathlib import Path

# What a page is made of: code, templates, translations and the static files its HTML names.
SUFFIXES = frozenset({".py", ".html", ".txt", ".mo", ".css", ".js", ".svg"})
# Not served by the site: tools, the test suite, installed packages and what is built from the sources.
SKIPPED_DIRECTORIES = frozenset({"benchmarks", "tests", "node_modules", "staticfiles", "__pycache__"})


def _served_files(root):
    for path in sorted(root.iterdir()):
        if path.name.startswith(".") or path.name in SKIPPED_DIRECTORIES:
            continue
        if path.is_dir():
            yield from _served_files(path)
        elif path.suffix in SUFFIXES:
            yield path


def release_digest(root):
    """A short digest of the names and contents of the files under `root` that pages are made from."""
    digest = hashlib.sha256()
    for path in _served_files(Path(root)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]
