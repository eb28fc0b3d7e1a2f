"""Every page has an icon and a web app manifest, and /favicon.ico, which browsers ask for, answers."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

pytestmark = pytest.mark.django_db

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def static_file(url):
    """The bytes of a static file by its address, as the site serves it."""
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} is not a static file"
    with open(path, "rb") as file:
        return file.read()


def test_favicon_ico_leads_to_an_icon_file(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("favicon.ico")
    data = static_file(response["Location"])
    assert data[:4] == b"\x00\x00\x01\x00", "an ICO file"
    assert PNG_SIGNATURE in data, "holding PNG images"


@pytest.mark.parametrize("url", ["/", "/woonvormen/", "/toetsingskader/", "/routekaart/", "/bestaat-niet/"])
def test_every_page_links_the_icons_and_the_manifest(client, url):
    html = client.get(url).content.decode()
    assert f'<link rel="icon" href="{static("favicon.svg")}" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<meta name="theme-color" content="#1c4b82">' in html
    assert f'<link rel="apple-touch-icon" href="{static("icons/icon-180.png")}">' in html


def test_the_svg_icon_is_an_svg():
    assert static_file(static("favicon.svg")).startswith(b"<svg ")


def test_the_manifest_names_the_site_in_dutch_with_its_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Wonen Eerst receptenbank"
    assert manifest["short_name"] == "Receptenbank"
    assert manifest["lang"] == "nl"
    assert manifest["start_url"] == "/"
    assert manifest["theme_color"] == "#1c4b82"
    sizes = {icon["sizes"]: icon for icon in manifest["icons"]}
    assert set(sizes) == {"any", "192x192", "512x512"}
    for size in ("192x192", "512x512"):
        data = static_file(sizes[size]["src"])
        assert data.startswith(PNG_SIGNATURE)
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert f"{width}x{height}" == size


def test_the_manifest_and_the_icon_refuse_writes(client):
    assert client.post("/manifest.webmanifest").status_code == 405
    assert client.post("/favicon.ico").status_code == 405
