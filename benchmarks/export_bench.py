"""Benchmark (not a test): how long the xlsx export of 10,000 woonvormen takes, and how much memory it needs.

It builds a throwaway SQLite database in a temporary folder, fills it with woonvormen that look like the real
ones (texts of the same length, five related vocabularies, an organisation, a link, and a beoordeling with
ten scores for one in ten), and downloads /woonvormen/export.xlsx through the real view. It measures at 2,000
and at 10,000 woonvormen, so you can see that time grows with the rows and memory does not:

    .venv/bin/python benchmarks/export_bench.py [--aantal 10000]

Time (wall clock and CPU of this process) is measured without tracing; peak memory in a second run with
tracemalloc (Python allocations during the export) and as the process's maximum resident size (getrusage).
"""

import argparse
import gc
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = tempfile.mkdtemp(prefix="export-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from assessment.models import Beoordeling, Score, Toetspunt  # noqa: E402
from catalogue.models import (  # noqa: E402
    Bron,
    Contractvorm,
    Doelgroep,
    Link,
    Organisatie,
    OrganisatieRol,
    Plaats,
    Status,
    Woonsituatie,
    Woonvorm,
    Woonzorgconcept,
)
from catalogue.views.exports import WoonvormExportView  # noqa: E402

WORDS = [
    "wonen",
    "eerst",
    "huurcontract",
    "begeleiding",
    "corporatie",
    "gemeente",
    "zorgaanbieder",
    "jongeren",
    "zelfstandig",
    "ondersteuning",
    "herstel",
    "keuzevrijheid",
    "woning",
    "leegstand",
    "doorstroom",
    "buurt",
    "netwerk",
    "vertrouwen",
]


def text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def vocabularies():
    bron = Bron.objects.create(slug="receptenboek", naam="Van nu naar Wonen Eerst", jaar=2025)
    made = {
        "doelgroepen": [
            Doelgroep.objects.create(slug=f"doelgroep-{n}", naam=f"Doelgroep {n}", soort="profiel")
            for n in range(12)
        ],
        "contractvormen": [
            Contractvorm.objects.create(slug=f"contract-{n}", naam=f"Contract {n}") for n in range(8)
        ],
        "plaatsen": [
            Plaats.objects.create(slug=f"plaats-{n}", naam=f"Plaats {n}", provincie="utrecht")
            for n in range(40)
        ],
        "woonsituaties": [
            Woonsituatie.objects.create(slug=f"situatie-{n}", naam=f"Situatie {n}") for n in range(3)
        ],
        "woonzorgconcepten": [
            Woonzorgconcept.objects.create(slug=f"wzc-{n}", naam=f"Concept {n}") for n in range(9)
        ],
    }
    organisatie = Organisatie.objects.create(slug="stichting", naam="Stichting Thuis")
    toetspunten = [
        Toetspunt.objects.create(
            code=f"{p}{n}", slug=f"{p}{n}".lower(), naam=f"Toetspunt {p}{n}", soort=s, volgorde=v
        )
        for p, s, count, start in (("T", "kern", 7, 0), ("A", "aanvullend", 3, 7))
        for n, v in ((n, start + n) for n in range(1, count + 1))
    ]
    return bron, made, organisatie, toetspunten


def grow(total, bron, made, organisatie, toetspunten, rng):
    """Add woonvormen until there are `total`, with their relations, children and assessments."""
    start = Woonvorm.objects.count()
    batch = []
    for n in range(start, total):
        batch.append(
            Woonvorm(
                slug=f"woonvorm-{n:05}",
                naam=f"Woonvorm {n:05}",
                status=Status.GEPUBLICEERD,
                bron=bron,
                samenvatting=text(rng, 20),
                beschrijving=text(rng, 120),
                werkzame_elementen="\n".join(text(rng, 12) for _ in range(5)),
                aandachtselementen="\n".join(text(rng, 12) for _ in range(4)),
                ter_inspiratie=text(rng, 40),
                financiele_context=text(rng, 40),
                verhouding_wonen_eerst=text(rng, 60),
                begeleiding_toelichting=text(rng, 20),
                aantal_plekken=rng.randint(4, 200),
            )
        )
    created = Woonvorm.objects.bulk_create(batch, batch_size=500)
    for name, values in made.items():
        through = getattr(Woonvorm, name).through
        target = getattr(Woonvorm, name).field.m2m_reverse_field_name() + "_id"
        rows = [
            through(woonvorm_id=w.pk, **{target: v.pk})
            for w in created
            for v in rng.sample(values, min(3, len(values)))
        ]
        through.objects.bulk_create(rows, batch_size=2000)
    OrganisatieRol.objects.bulk_create(
        [OrganisatieRol(woonvorm=w, organisatie=organisatie, rol="initiatiefnemer") for w in created],
        batch_size=2000,
    )
    Link.objects.bulk_create(
        [Link(woonvorm=w, url=f"https://example.org/{w.slug}") for w in created], batch_size=2000
    )
    assessed = Beoordeling.objects.bulk_create(
        [
            Beoordeling(
                slug=f"b-{w.slug}",
                woonvorm=w,
                datum=date(2026, 1, 1),
                beoordelaar="Werkgroep",
                status="vastgesteld",
            )
            for w in created[::10]
        ],
        batch_size=1000,
    )
    waarden = ["voldoet", "deels", "niet", "onbekend"]
    Score.objects.bulk_create(
        [
            Score(beoordeling=b, toetspunt=t, waarde=rng.choice(waarden), toelichting=text(rng, 15))
            for b in assessed
            for t in toetspunten
        ],
        batch_size=2000,
    )


def export_once():
    """Download the whole list as xlsx through the view; returns the size of the file in bytes."""
    request = RequestFactory().get("/woonvormen/export.xlsx")
    request.user = AnonymousUser()
    response = WoonvormExportView.as_view()(request, fmt="xlsx")
    return sum(len(chunk) for chunk in response.streaming_content)


def measure(count):
    started, cpu_started = time.perf_counter(), time.process_time()
    size = export_once()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    gc.collect()
    tracemalloc.start()
    export_once()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(
        f"{count:>6} woonvormen: {seconds:5.1f} s ({cpu:5.1f} s CPU), bestand {size / 1e6:4.1f} MB, "
        f"piek Python-geheugen {peak / 1e6:6.1f} MB, max. RSS van het proces {rss:6.0f} MB"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=10_000)
    arguments = parser.parse_args()
    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    setup = vocabularies()
    for count in sorted({min(2_000, arguments.aantal), arguments.aantal}):
        grow(count, *setup, rng)
        measure(count)
    print(f"(database: {WORKDIR}/bench.sqlite3, mag weg)")


if __name__ == "__main__":
    main()
