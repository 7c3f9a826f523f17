from django.db import migrations

STANDARD = [
    ("Header", "header", "header", 1, 728, 90),
    ("Sidebar", "sidebar", "sidebar", 1, 300, 250),
    ("Inside articles", "in-article", "in_article", 3, 300, 250),
    ("Between list items", "in-list", "in_list", 5, 600, 120),
]


def create(apps, schema_editor):
    AdSlot = apps.get_model("ads", "AdSlot")
    for name, key, placement, position, width, height in STANDARD:
        AdSlot.objects.get_or_create(
            key=key,
            defaults={
                "name": name,
                "placement": placement,
                "position": position,
                "width": width,
                "height": height,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("ads", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
