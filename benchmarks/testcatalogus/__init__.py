"""A synthetic catalogue for benchmarks: N woonvormen, 5N praktijkvoorbeelden and N/10 succesversnellers.

The items are described with the real vocabularies (loaded from fixtures/ first when the database has none),
in the proportions the real content uses them, and get organisations, places, contact points, links and, for
most woonvormen, a vastgestelde beoordeling with a score on every toetspunt. The places and organisations
form a national set whose size does not depend on N, as in the country itself.

The same --schaal and --seed give the same catalogue. Every synthetic slug starts with "test-", so it never
collides with real content; running the command again adds N more.

A development-only app: config/settings.py installs it only when DJANGO_DEV_APPS is set (benchmarks/run.py
and the test suite set it), so production never has the command. `make run` never calls it.

- tables.py: the fixed sizes, shares and Dutch texts the generator draws from;
- distributions.py: weighted draws, and how the real content uses its fields;
- generator.py: building the places, organisations, items and assessments;
- management/commands/genereer_testcatalogus.py: the command.
"""
