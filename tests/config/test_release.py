"""After a deploy nothing kept by the release before is served: the cache's keys start with a digest of the
files pages are made from, which changes with any of them and with nothing else."""

import pytest

from config.release import release_digest


@pytest.fixture
def site(tmp_path):
    (tmp_path / "website" / "templates").mkdir(parents=True)
    (tmp_path / "website" / "views.py").write_text("def home(request): ...\n")
    (tmp_path / "website" / "templates" / "home.html").write_text("<h1>Wonen Eerst</h1>\n")
    (tmp_path / "static" / "css").mkdir(parents=True)
    (tmp_path / "static" / "css" / "site.css").write_text("body { margin: 0; }\n")
    (tmp_path / "locale" / "nl" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.mo").write_bytes(b"\x95\x04\x12\xde")
    return tmp_path


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("website/templates/home.html", "<h1>Wonen Eerst receptenbank</h1>\n"),
        ("website/views.py", "def home(request): return None\n"),
        ("static/css/site.css", "body { margin: 1rem; }\n"),
        ("locale/nl/LC_MESSAGES/django.mo", "andere vertaling"),
        ("website/templates/nieuw.html", "<p>Nieuw</p>\n"),
    ],
)
def test_a_change_to_what_pages_are_made_of_is_a_new_release(site, path, content):
    before = release_digest(site)
    (site / path).write_text(content)
    assert release_digest(site) != before


def test_a_renamed_template_is_a_new_release(site):
    before = release_digest(site)
    (site / "website" / "templates" / "home.html").rename(site / "website" / "templates" / "start.html")
    assert release_digest(site) != before


@pytest.mark.parametrize(
    "path",
    [
        "website/__pycache__/views.cpython-311.pyc",
        ".venv/lib/site.py",
        "node_modules/pkg/index.js",
        "staticfiles/css/site.abc123.css",
        "tests/test_home.py",
        "locale/nl/LC_MESSAGES/django.po",
        "db.sqlite3",
    ],
)
def test_what_the_site_does_not_serve_from_leaves_the_release_alone(site, path):
    before = release_digest(site)
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text("anders")
    assert release_digest(site) == before
