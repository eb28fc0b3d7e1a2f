from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0006_wijzigingen_en_links")]

    operations = []
