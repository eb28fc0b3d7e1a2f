"""`manage.py genereer_testcatalogus --schaal N [--seed S]`: the synthetic catalogue for benchmarks."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assessment.models import Toetspunt
from benchmarks.testcatalogus.generator import Generator
from benchmarks.testcatalogus.tables import PREFIX
from catalogue import search
from catalogue.content import load_content
from catalogue.models import Bron, Praktijkvoorbeeld, Succesversneller, Woonvorm
from core import cache


class Command(BaseCommand):
    help = (
        "Maakt een synthetische testcatalogus voor snelheidsmetingen: N woonvormen, 5N praktijkvoorbeelden "
        "en N/10 succesversnellers (slugs beginnen met 'test-'). Nogmaals draaien voegt er N aan toe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schaal", type=int, required=True, help="Aantal woonvormen (N).")
        parser.add_argument("--seed", type=int, default=2026, help="Startwaarde van het toeval.")

    def handle(self, *args, schaal, seed, **options):
        if schaal < 1:
            raise CommandError("--schaal moet minstens 1 zijn.")
        with transaction.atomic():
            if not Toetspunt.objects.exists() or not Bron.objects.exists():
                load_content()
            generator = Generator(seed=seed, start=Woonvorm.objects.filter(slug__startswith=PREFIX).count())
            generator.ensure_places()
            generator.ensure_organisations()
            generator.load_network()
            woonvormen = generator.items(Woonvorm, schaal)
            praktijkvoorbeelden = generator.items(Praktijkvoorbeeld, 5 * schaal)
            succesversnellers = generator.items(Succesversneller, max(1, round(schaal / 10)))
            assessed = generator.assessments(Woonvorm, woonvormen)
            assessed += generator.assessments(Praktijkvoorbeeld, praktijkvoorbeelden)
            # bulk_create() sends no signals: the items' search text and the cache are updated here.
            for items in (woonvormen, praktijkvoorbeelden, succesversnellers):
                search.refresh_terms(items)
            cache.invalidate()
        self.stdout.write(
            f"Testcatalogus gemaakt: {len(woonvormen)} woonvormen, {len(praktijkvoorbeelden)} "
            f"praktijkvoorbeelden, {len(succesversnellers)} succesversnellers; {assessed} beoordeeld."
        )
