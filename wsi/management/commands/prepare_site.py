from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "What `make run` does before serving: migrate, load the demo content and make sure the "
        "admin account exists. One process, so a second `make run` starts fast."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=options["verbosity"])
        call_command("load_demo_content")
        call_command("ensure_admin")
