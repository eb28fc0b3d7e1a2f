from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0007_inhoud_correcties")]

    operations = []
