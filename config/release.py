"""The release the site runs: a digest of the files its pages are made from.

Kept pages (core/page_cache.py), kept fragments and values hold HTML, and the names of static files with
their content hash, of the release that made them. The key prefix of the cache they are kept in holds this
digest (CACHES in config/settings.py), and so does the ETag of every page and API answer
(core/cache.served_version()): after a deploy nothing made by the code before is served, nor answered with
304. The catalogue's generation and table tokens are kept under keys without it, so during a rolling deploy
an edit on a server of either release shows on the other.
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
