"""Measures every benchmark case against the database in DATABASE_URL; prints the figures as JSON.

Called by benchmarks/run.py, which sets production settings. Each case is requested a few times to warm up,
then `--herhalingen` times with the clock running (a case slower than 2 s: once, then 3 times); the SQL
queries are counted in one more request. A case "after an edit" makes an edit before each timed request, so
what the edit changes is not cached (core/cache.py): "of a text" saves another woonvorm's summary, as an
editor does (a new generation, and a new token for the woonvormen' table); "of every table" starts a new
generation and renews every table's token, as a bulk write does, so nothing cached helps. The export and the
import are measured each in a process of its own (`--deel`); they also report the peak of the memory Python
allocates while serving them (tracemalloc, in that last, untimed request), and the largest resident size of
their process.
"""

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The import case times the preview itself within the request, not the start of a background job.
os.environ.setdefault("DJANGO_IMPORT_JOB_ROWS", "1000000")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from assessment.models import Beoordeling  # noqa: E402
from catalogue.models import Organisatie, Praktijkvoorbeeld, Status, Woonvorm  # noqa: E402
from core import cache  # noqa: E402
from spreadsheets.admin import XLSXFormat  # noqa: E402
from spreadsheets.resources.editors import WoonvormResource  # noqa: E402

WARM_UP = 3
SLOW_SECONDS, SLOW_REPEAT = 2, 3
# Three facets, each matching a large share of the items, so the last page lies deep.
THREE_FILTERS = "doelgroep=volwassenen&leeftijdsgroep=V&begeleiding=verplicht"
SEARCH_AND_FILTER = "q=jongeren+jeugdzorg&provincie=zuid-holland"
IMPORT_ROWS = 1000
TRIVIAL = "trivial view /gezond/"


def edit_a_text():
    """An editor's save of the summary of one woonvorm (the last synthetic one, not the one measured)."""
    woonvorm = Woonvorm.objects.filter(slug__startswith="test-").order_by("slug").last()
    woonvorm.samenvatting = f"Samenvatting, bijgewerkt om {time.time_ns()}."
    woonvorm.save()


AFTER_A_TEXT_EDIT, AFTER_EVERY_TABLE = "after an edit of a text", "after a write to every table"
EDITS = {AFTER_A_TEXT_EDIT: edit_a_text, AFTER_EVERY_TABLE: cache.invalidate}


@dataclass
class Case:
    name: str
    url: str
    edit: str = None  # one of EDITS, made before each timed request
    memory: bool = False
    upload: bytes = None  # a spreadsheet posted to `url` by a member of staff; other cases are anonymous
    exports: bool = False  # a download of the published woonvormen, whose rows are counted

    def request(self, client):
        if self.upload is None:
            response = client.get(self.url)
        else:
            upload = SimpleUploadedFile("woonvormen.xlsx", self.upload)
            # The upload is read and previewed, then the import's page shows the preview.
            response = client.post(self.url, {"import_file": upload}, follow=True)
        if response.status_code != 200:
            raise SystemExit(f"{self.name}: {self.url} answered {response.status_code}")
        if response.streaming:
            for _chunk in response.streaming_content:
                pass
        return response


def synthetic(model):
    return model.objects.filter(slug__startswith="test-", status=Status.GEPUBLICEERD).order_by("slug")


def import_file():
    """The first synthetic woonvormen (of any status) as the beheeromgeving exports them, with every tenth
    summary changed."""
    woonvormen = Woonvorm.objects.filter(slug__startswith="test-").order_by("slug")
    rows = WoonvormResource().export(queryset=woonvormen[:IMPORT_ROWS])
    column = rows.headers.index("Samenvatting")
    for index in range(0, len(rows), 10):
        row = list(rows[index])
        row[column] = f"{row[column]} (bijgewerkt)"
        rows[index] = row
    return XLSXFormat.bound(WoonvormResource)().export_data(rows)


def page_cases():
    assessed = synthetic(Woonvorm).filter(beoordelingen__status=Beoordeling.Status.VASTGESTELD)
    detail = assessed.first().get_absolute_url()
    compare = [f"woonvorm:{slug}" for slug in assessed.values_list("slug", flat=True)[:2]]
    examples = synthetic(Praktijkvoorbeeld).values_list("slug", flat=True)[:2]
    compare += [f"praktijkvoorbeeld:{slug}" for slug in examples]
    list_url = f"/woonvormen/?{THREE_FILTERS}"
    busiest = Organisatie.objects.annotate(rollen_aantal=Count("rollen")).order_by("-rollen_aantal").first()
    return [
        Case(TRIVIAL, "/gezond/"),
        Case("list, 3 filters + counts, page 1", list_url),
        *(Case(f"list, 3 filters + counts, page 1, {edit}", list_url, edit=edit) for edit in EDITS),
        Case("list, 3 filters + counts, last page", f"{list_url}&page=999999"),
        Case("list of 5N praktijkvoorbeelden, 3 filters", f"/praktijkvoorbeelden/?{THREE_FILTERS}"),
        Case(
            f"list of 5N praktijkvoorbeelden, 3 filters, {AFTER_EVERY_TABLE}",
            f"/praktijkvoorbeelden/?{THREE_FILTERS}",
            edit=AFTER_EVERY_TABLE,
        ),
        Case("list, full-text search + filter", f"/praktijkvoorbeelden/?{SEARCH_AND_FILTER}"),
        Case(
            f"list, full-text search + filter, {AFTER_A_TEXT_EDIT}",
            f"/praktijkvoorbeelden/?{SEARCH_AND_FILTER}",
            edit=AFTER_A_TEXT_EDIT,
        ),
        Case("search page, all kinds", "/zoeken/?q=begeleiding+woning"),
        Case("detail page (woonvorm)", detail),
        Case(f"detail page (woonvorm), {AFTER_A_TEXT_EDIT}", detail, edit=AFTER_A_TEXT_EDIT),
        Case("matrix sorted on T5", "/toetsingskader/matrix/?sort=-T5"),
        *(
            Case(f"matrix sorted on T5, {edit}", "/toetsingskader/matrix/?sort=-T5", edit=edit)
            for edit in EDITS
        ),
        Case("compare 4 items", "/vergelijken/?" + "&".join(f"items={item}" for item in compare)),
        Case("home page", "/"),
        Case("vocabulary page (doelgroep)", "/doelgroepen/volwassenen/"),
        Case("bron page (receptenboek)", "/bronnen/receptenboek/"),
        Case("organisation page (most roles)", busiest.get_absolute_url()),
        Case("kansenkaart", "/kansenkaart/"),
        Case("routekaart", "/routekaart/"),
        Case("API list, 3 filters", f"/api/v1/woonvormen?{THREE_FILTERS}"),
        Case("API detail (woonvorm)", f"/api/v1/woonvormen/{assessed.first().slug}"),
    ]


def export_case(fmt):
    return Case(f"{fmt} export of the woonvormen", f"/woonvormen/export.{fmt}", memory=True, exports=True)


# The downloads and the import, each measured in a process of its own (in_own_process()), so the largest
# resident size of that process is what serving this request takes, not what the pages before it kept.
FILE_CASES = {
    "xlsx": lambda: export_case("xlsx"),
    "csv": lambda: export_case("csv"),
    "import": lambda: Case(
        f"import preview (dry run), {IMPORT_ROWS:,} rows",
        "/beheer/catalogue/woonvorm/import/",
        memory=True,
        upload=import_file(),
    ),
}
PAGES = "paginas"


def peak_resident_mb():
    """The largest resident size of this process so far: all it ever held at once. Read from VmHWM, as
    getrusage()'s maxrss keeps the peak of the process that started this one (Linux keeps it across exec)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise SystemExit("The peak resident size is read from /proc/self/status (Linux).")


def timed(case, clients, repeat):
    """Median and p95 of the server time in ms, the queries of one more request and, for the cases that
    report it, the peak memory of that request. A case slower than SLOW_SECONDS is warmed up once and timed
    SLOW_REPEAT times."""
    client = clients["staff" if case.upload else "visitor"]
    start = time.perf_counter()
    case.request(client)
    if time.perf_counter() - start > SLOW_SECONDS:
        repeat = min(repeat, SLOW_REPEAT)
    else:
        for _ in range(WARM_UP - 1):
            case.request(client)
    times = []
    for _ in range(repeat):
        if case.edit:
            EDITS[case.edit]()
        gc.collect()
        start = time.perf_counter()
        case.request(client)
        times.append((time.perf_counter() - start) * 1000)
    if case.edit:
        EDITS[case.edit]()
    queries = []
    gc.collect()
    if case.memory:
        tracemalloc.start()
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        case.request(client)
    ordered = sorted(times)
    figures = {
        "median": statistics.median(times),
        "p95": ordered[math.ceil(0.95 * len(ordered)) - 1],
        "queries": len(queries),
    }
    if case.memory:
        figures["peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
        figures["rss_mb"] = peak_resident_mb()
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schaal", type=int, required=True)
    parser.add_argument("--herhalingen", type=int, default=15)
    parser.add_argument("--deel", choices=[PAGES, *FILE_CASES], default=PAGES)
    args = parser.parse_args()
    clients = {"visitor": Client(), "staff": Client()}
    user, _created = get_user_model().objects.get_or_create(
        username="benchmark", defaults={"is_staff": True, "is_superuser": True}
    )
    clients["staff"].force_login(user)
    results = {}
    for case in page_cases() if args.deel == PAGES else [FILE_CASES[args.deel]()]:
        print(f"  {case.name}", file=sys.stderr, flush=True)
        results[case.name] = timed(case, clients, args.herhalingen)
        if case.exports:
            results[case.name]["rows"] = Woonvorm.objects.published().count()
    if args.deel == PAGES:
        for part in FILE_CASES:
            results.update(in_own_process(args, part))
    print(json.dumps(results))


def in_own_process(args, part):
    """The figures of one of FILE_CASES, measured by this script in a new process."""
    command = [sys.executable, __file__, "--schaal", str(args.schaal), "--herhalingen", str(args.herhalingen)]
    result = subprocess.run([*command, "--deel", part], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(result.stdout)


if __name__ == "__main__":
    main()
