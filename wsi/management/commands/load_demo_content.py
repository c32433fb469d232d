from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wsi.demo_kit import DemoLoad


class Command(BaseCommand):
    help = (
        "Build the whole demo site: each installed app's demo.load() runs in INSTALLED_APPS "
        "order, then the search index is rebuilt. Safe to run again: nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="Also add this many synthetic resources (for benchmarks)."
        )

    def handle(self, *args, **options):
        demo = DemoLoad(options=options, log=lambda message: self.stdout.write(f"  {message}"))
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name == module_name:
                    continue
                raise
            self.stdout.write(f"Demo content: {app_config.verbose_name}")
            with transaction.atomic():
                module.load(demo)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
