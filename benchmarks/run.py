"""Speed of the public pages at N = 1,000 and N = 10,000 woonvormen, on PostgreSQL: `make bench`.

For every scale this script makes sure a database bench_<N> exists on the server (default
postgres://postgres@127.0.0.1:5432), migrates it and, when it does not hold exactly that synthetic catalogue,
fills it with `manage.py genereer_testcatalogus --schaal N` (benchmarks/testcatalogus, a development-only app
that this script installs with DJANGO_DEV_APPS=1). It then runs benchmarks/measure.py against each
database in a separate process, with production settings, and prints one table.

    .venv/bin/python benchmarks/run.py                      # both scales, 15 timed requests per case
    .venv/bin/python benchmarks/run.py --schalen 1000 --herhalingen 5
    .venv/bin/python benchmarks/run.py --opnieuw             # rebuild the databases first

Columns: the median and 95th percentile (nearest rank) of the server time in milliseconds (the time spent
inside Django's test client, so without network), the number of SQL queries, the median as a multiple of the
median of the trivial /gezond/ view measured in the same run, and the growth t(largest N) / t(smallest N).
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SERVER = "postgres://postgres@127.0.0.1:5432"
SCALES = (1000, 10000)
TRIVIAL = "trivial view /gezond/"


def database_url(server, scale):
    return f"{server}/bench_{scale}"


def synthetic_woonvormen(server, name):
    """How many synthetic woonvormen the database holds; None when it does not exist or is not migrated."""
    try:
        with psycopg.connect(f"{server}/{name}", autocommit=True) as connection:
            row = connection.execute(
                "SELECT count(*) FROM catalogue_woonvorm WHERE slug LIKE 'test-%%'"
            ).fetchone()
            return row[0]
    except psycopg.Error:
        return None


def recreate(server, name):
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def manage(url, *args):
    """A manage.py command on the database at `url`, with the development-only apps (genereer_testcatalogus)
    installed."""
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        check=True,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_DEV_APPS": "1"},
    )


def prepare(server, scale, rebuild):
    """A migrated database holding the real content and exactly the synthetic catalogue of this scale."""
    name = f"bench_{scale}"
    url = database_url(server, scale)
    if rebuild or synthetic_woonvormen(server, name) != scale:
        print(f"Database {name}: building the test catalogue (N = {scale}) ...", file=sys.stderr, flush=True)
        recreate(server, name)
        manage(url, "migrate", "--no-input", "--verbosity", "0")
        manage(url, "genereer_testcatalogus", "--schaal", str(scale))
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
    else:
        manage(url, "migrate", "--no-input", "--verbosity", "0")
    return url


def production_environment(url):
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "False",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def measure(url, scale, repeat):
    result = subprocess.run(
        [
            PYTHON,
            str(ROOT / "benchmarks" / "measure.py"),
            "--schaal",
            str(scale),
            "--herhalingen",
            str(repeat),
        ],
        cwd=ROOT,
        check=True,
        env=production_environment(url),
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(result.stdout)


def table(results, scales):
    """One row per case and scale; the growth on the row of the largest scale."""
    header = ["case", "N", "median ms", "p95 ms", "queries", "× /gezond/", "growth", "note"]
    rows = []
    smallest, largest = min(scales), max(scales)
    for case in results[smallest]:
        for scale in scales:
            figures = results[scale][case]
            growth = ""
            if scale == largest and len(scales) > 1:
                growth = f"{figures['median'] / results[smallest][case]['median']:.2f}"
            trivial = results[scale][TRIVIAL]["median"]
            note = []
            if "rows" in figures:
                note.append(f"{figures['rows']:,} rows")
            if "peak_mb" in figures:
                note.append(f"peak {figures['peak_mb']:.0f} MB, max RSS {figures['rss_mb']:.0f} MB")
            rows.append(
                [
                    case,
                    f"{scale:,}",
                    f"{figures['median']:.1f}",
                    f"{figures['p95']:.1f}",
                    str(figures["queries"]),
                    f"{figures['median'] / trivial:.0f}",
                    growth,
                    ", ".join(note),
                ]
            )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells):
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"

    print(line(header))
    print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for row in rows:
        print(line(row))


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--server", default=os.environ.get("BENCH_DATABASE_SERVER", SERVER))
    parser.add_argument("--schalen", type=int, nargs="+", default=list(SCALES))
    parser.add_argument("--herhalingen", type=int, default=15)
    parser.add_argument("--opnieuw", action="store_true", help="rebuild the databases")
    args = parser.parse_args()
    scales = sorted(args.schalen)
    urls = {scale: prepare(args.server, scale, args.opnieuw) for scale in scales}
    # Production settings serve static files through the manifest, as `make serve` does.
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        check=True,
        env=production_environment(urls[scales[0]]),
    )
    results = {}
    for scale in scales:
        print(f"Measuring N = {scale} ...", file=sys.stderr, flush=True)
        results[scale] = measure(urls[scale], scale, args.herhalingen)
    table(results, scales)


if __name__ == "__main__":
    main()
