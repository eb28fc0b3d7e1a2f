from django.core.management.base import BaseCommand

from catalogue import linkcheck
from catalogue.models import LinkControle


def positive(kind):
    def parse(value):
        number = kind(value)
        if number <= 0:
            raise ValueError(value)
        return number

    parse.__name__ = kind.__name__
    return parse


class Command(BaseCommand):
    help = (
        "Controleert elk extern webadres in de catalogus (links, websites van organisaties, bronnen) en "
        "bewaart per adres of het werkt, omleidt, kapot is of onbereikbaar. Het dashboard van de "
        "beheeromgeving toont de kapotte."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--alleen-oud",
            type=positive(int),
            metavar="DAGEN",
            help="Alleen adressen die nog nooit of langer dan DAGEN dagen geleden zijn gecontroleerd.",
        )
        parser.add_argument(
            "--timeout",
            type=positive(float),
            default=linkcheck.TIMEOUT,
            metavar="SECONDEN",
            help=f"Zo lang wacht elk verzoek op de server (standaard {linkcheck.TIMEOUT}).",
        )
        parser.add_argument(
            "--gelijktijdig",
            type=positive(int),
            default=linkcheck.WORKERS,
            metavar="AANTAL",
            help=f"Zoveel adressen tegelijk (standaard {linkcheck.WORKERS}).",
        )

    def handle(self, *args, alleen_oud, timeout, gelijktijdig, **options):
        held = linkcheck.held_urls()
        urls = held if alleen_oud is None else linkcheck.due_urls(held, older_than_days=alleen_oud)
        outcomes = linkcheck.check_urls(urls, timeout=timeout, workers=gelijktijdig)
        linkcheck.record(outcomes)
        linkcheck.forget_unheld(held)
        self._report(outcomes)

    def _report(self, outcomes):
        for url, outcome in sorted(outcomes.items()):
            if outcome.status in LinkControle.BROKEN:
                code = outcome.http_code or "-"
                self.stdout.write(
                    f"{LinkControle.Status(outcome.status).label}\t{code}\t{url}\t{outcome.melding}"
                )
        counts = dict.fromkeys(LinkControle.Status, 0)
        for outcome in outcomes.values():
            counts[outcome.status] += 1
        summary = ", ".join(f"{status.label} {count}" for status, count in counts.items())
        self.stdout.write(f"{len(outcomes)} webadressen gecontroleerd: {summary}.")
