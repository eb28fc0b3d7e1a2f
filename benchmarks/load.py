"""Load test: the site under gunicorn on PostgreSQL, driven for a fixed time by this (second) process.

    .venv/bin/python benchmarks/load.py                          # 30 s, 8 client threads, 3 workers
    .venv/bin/python benchmarks/load.py --duur 60 --threads 16 --workers 4
    .venv/bin/python benchmarks/load.py --instanties 2           # two servers sharing PostgreSQL and Redis

It recreates the database receptenbank_load on the server (default postgres://postgres@127.0.0.1:5432),
migrates it, loads the catalogue content (`laad_catalogus`), collects the static files and starts gunicorn
with production settings on 127.0.0.1. Every URL of the mix is requested once to warm up; URLs that answer
404 are left out of the mix and listed. Then the client threads request URLs from a weighted mix (home,
lists with filters, detail pages, vocabulary pages, search, exports, the API) until the time is up.

With --instanties N it starts N gunicorn servers (each with --workers workers) on their own ports, sharing
the database and Redis (--redis, by default redis://127.0.0.1:6379/13, which it empties first), and sends the
requests to them in turn, as a reverse proxy would. --redis also applies to a single instance, so one and two
instances can be compared on the same cache. The API's throttling is raised for the run (API_THROTTLE_RATE),
since every request comes from one address.

It prints requests per second, the latency percentiles p50/p95/p99 (nearest rank, in milliseconds, measured
by the client, so including the network and gunicorn) per kind of URL and in total, and the number of
errors (any answer other than 200, or no answer). Then, for as long again, the same threads request only the
trivial /gezond/ view (a query and a cache read, never cached) from the same servers: the ceiling of this
setup, what the machine, gunicorn and Django serve when a page costs next to nothing; the mix is reported as
a share of it. It exits with status 1 when there is any error. The figures
are also written to benchmarks/results/load-<time>.json.
"""

import argparse
import json
import math
import os
import random
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

from run import manage, production_environment, recreate

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
SERVER = "postgres://postgres@127.0.0.1:5432"

# Kind of URL → share of the requests.
WEIGHTS = {
    "home": 5,
    "lijst": 25,
    "lijst met filters": 20,
    "detail": 25,
    "begrip": 5,
    "zoeken": 15,
    "export": 5,
    "api": 10,
}
DEFAULT_REDIS = "redis://127.0.0.1:6379/13"


def url_mix(database_url):
    """The URLs per kind, with real slugs from the load database."""
    os.environ.update(production_environment(database_url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.urls import reverse

    from catalogue.kinds import KINDS
    from catalogue.models import ITEM_MODELS, Contractvorm, Doelgroep, Organisatie, Plaats

    def first(model, count=3):
        return list(model.objects.order_by("slug")[:count])

    doelgroep, contractvorm = first(Doelgroep), first(Contractvorm)
    lists = [reverse(f"website:{model._meta.model_name}-list") for model in ITEM_MODELS]
    woonvormen, search = lists[0], reverse("website:zoeken")
    return {
        "home": [reverse("website:home")],
        "lijst": lists,
        "lijst met filters": [
            f"{woonvormen}?doelgroep=jongeren",
            *(f"{woonvormen}?doelgroep={term.slug}" for term in doelgroep),
            *(f"{woonvormen}?contractvorm={term.slug}" for term in contractvorm),
            f"{woonvormen}?doelgroep={doelgroep[0].slug}&contractvorm={contractvorm[0].slug}&sort=naam",
            f"{lists[2]}?page=2",
        ],
        "detail": [
            item.get_absolute_url()
            for model in ITEM_MODELS
            for item in model.objects.published().order_by("slug")
        ],
        "begrip": [
            term.get_absolute_url()
            for model in (Doelgroep, Contractvorm, Organisatie, Plaats)
            for term in first(model)
        ],
        "zoeken": [f"{search}?q={q}" for q in ("wonen", "jongeren", "housing+first", "leegstand")],
        "export": [
            f"{woonvormen}export.csv",
            f"{woonvormen}export.xlsx?doelgroep={doelgroep[0].slug}",
            f"{search}export.csv?q=wonen",
        ],
        "api": [
            "/api/v1/woonvormen",
            f"/api/v1/woonvormen?doelgroep={doelgroep[0].slug}&sort=-score",
            f"/api/v1/praktijkvoorbeelden?contractvorm={contractvorm[0].slug}",
            *(
                f"/api/v1/{kind.segment}/{item.slug}"
                for kind in KINDS
                for item in kind.model.objects.published().order_by("slug")[:3]
            ),
            "/api/v1/doelgroepen",
            "/api/v1/zoeken?q=wonen",
        ],
    }


def fetch(url):
    """(status, seconds); status 0 when there was no answer."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - start


def free_port(port):
    """The port if it is free (any free port for 0), so the load never goes to another server."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise SystemExit(f"Port {port} on 127.0.0.1 is in use; choose another with --poort.") from None
        return probe.getsockname()[1]


def start_servers(count, environment, workers, first_port):
    """`count` gunicorn servers with the same environment, the first on `first_port`, the others on free
    ports: [(base URL, process)]."""
    servers = []
    for number in range(count):
        port = first_port if number == 0 else free_port(0)
        process = subprocess.Popen(
            [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
            cwd=ROOT,
            env=environment,
        )
        servers.append((f"http://127.0.0.1:{port}", process))
    return servers


def empty_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


def wait_until_up(base, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped while starting; see its output above.")
        if fetch(base + "/gezond/")[0] == 200:
            return
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer on {base} within {seconds} s.")


CEILING = "plafond /gezond/"


def drive(bases, mix, seconds, threads, seed, shares=WEIGHTS):
    """Request the mix from `threads` threads for `seconds`, each request to the next server in turn, each
    kind of URL in its share; returns {kind: [(status, seconds, url)]}."""
    kinds = [kind for kind in shares if mix.get(kind)]
    weights = [shares[kind] for kind in kinds]
    results = defaultdict(list)
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker(number):
        chooser = random.Random(seed + number)
        mine = []
        turn = number
        while time.monotonic() < stop_at:
            kind = chooser.choices(kinds, weights)[0]
            url = chooser.choice(mix[kind])
            turn += 1
            mine.append((kind, *fetch(bases[turn % len(bases)] + url), url))
        with lock:
            for kind, status, elapsed, url in mine:
                results[kind].append((status, elapsed, url))

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return results


def percentile(sorted_values, share):
    """Nearest-rank percentile."""
    return sorted_values[max(0, math.ceil(share * len(sorted_values)) - 1)]


def summary(rows, seconds):
    latencies = sorted(elapsed * 1000 for _, elapsed, _ in rows)
    return {
        "verzoeken": len(rows),
        "per_seconde": round(len(rows) / seconds, 1),
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "max_ms": round(latencies[-1], 1),
        "fouten": sum(1 for status, _, _ in rows if status != 200),
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duur", type=int, default=30, help="seconds of load (default 30)")
    parser.add_argument("--threads", type=int, default=8, help="client threads (default 8)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--poort", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument(
        "--instanties", type=int, default=1, help="gunicorn servers behind each other (default 1)"
    )
    parser.add_argument(
        "--redis",
        default=None,
        help=f"Redis the servers share, emptied first (default: none for one, {DEFAULT_REDIS} for more)",
    )
    parser.add_argument("--server", default=SERVER, help=f"PostgreSQL server (default {SERVER})")
    parser.add_argument("--database", default="receptenbank_load", help="database name (recreated)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the URL choice")
    args = parser.parse_args()

    database_url = f"{args.server}/{args.database}"
    print(
        f"Database {args.database}: recreating, migrating, loading the content ...",
        file=sys.stderr,
        flush=True,
    )
    recreate(args.server, args.database)
    manage(database_url, "migrate", "--no-input", "--verbosity", "0")
    manage(database_url, "laad_catalogus")
    # With production settings, so the manifest the server needs is written.
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=production_environment(database_url),
        check=True,
    )
    mix = url_mix(database_url)

    redis_url = args.redis or (DEFAULT_REDIS if args.instanties > 1 else "")
    environment = {
        **production_environment(database_url),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "API_THROTTLE_RATE": "1000000/minute",
        "REDIS_URL": redis_url,
    }
    if redis_url:
        empty_redis(redis_url)
    servers = start_servers(args.instanties, environment, args.workers, free_port(args.poort))
    bases = [base for base, _process in servers]
    try:
        for base, process in servers:
            wait_until_up(base, process)
        skipped = []
        for urls in mix.values():
            for url in list(urls):
                if fetch(bases[0] + url)[0] == 404:
                    urls.remove(url)
                    skipped.append(url)
        print(
            f"Load: {args.duur} s, {args.threads} threads, {args.instanties} instance(s) of "
            f"{args.workers} gunicorn workers, cache: {redis_url or 'files'} ...",
            file=sys.stderr,
        )
        results = drive(bases, mix, args.duur, args.threads, args.seed)
        print(f"Ceiling: {args.duur} s of /gezond/ only ...", file=sys.stderr)
        ceiling = drive(bases, {CEILING: ["/gezond/"]}, args.duur, args.threads, args.seed, {CEILING: 1})
    finally:
        for _base, process in servers:
            process.terminate()
        for _base, process in servers:
            process.wait(timeout=30)

    report = {kind: summary(rows, args.duur) for kind, rows in results.items()}
    report["totaal"] = summary([row for rows in results.values() for row in rows], args.duur)
    report[CEILING] = summary(ceiling[CEILING], args.duur)
    errors = sorted(
        {
            (status, url)
            for rows in [*results.values(), *ceiling.values()]
            for status, _, url in rows
            if status != 200
        }
    )

    columns = ["verzoeken", "per_seconde", "p50_ms", "p95_ms", "p99_ms", "max_ms", "fouten"]
    print(f"{'soort URL':<20}" + "".join(f"{c:>12}" for c in columns))
    for kind, figures in report.items():
        print(f"{kind:<20}" + "".join(f"{figures[c]:>12}" for c in columns))
    share = report["totaal"]["per_seconde"] / max(report[CEILING]["per_seconde"], 0.1)
    print(f"The mix reaches {share:.0%} of the ceiling's requests per second.")
    if skipped:
        print("Left out (404 in the warm-up): " + ", ".join(skipped))
    for status, url in errors[:20]:
        print(f"Error {status}: {url}")

    output = ROOT / "benchmarks" / "results" / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json"
    output.parent.mkdir(exist_ok=True)
    settings = {
        "duur": args.duur,
        "threads": args.threads,
        "workers": args.workers,
        "instanties": args.instanties,
        "cache": redis_url or "files",
    }
    output.write_text(
        json.dumps({"instellingen": settings, "cijfers": report, "weggelaten": skipped}, indent=1)
    )
    sys.exit(1 if report["totaal"]["fouten"] or report[CEILING]["fouten"] else 0)


if __name__ == "__main__":
    main()
