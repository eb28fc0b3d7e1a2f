from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0005_werkversies")]

    operations = []
