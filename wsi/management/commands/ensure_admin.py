import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the 'admin' superuser if there is none. The password comes from ADMIN_PASSWORD, "
        "or is generated once and kept in var/admin-password; it is printed either way."
    )

    def handle(self, *args, **options):
        password_file = settings.VAR_DIR / "admin-password"
        password = os.environ.get("ADMIN_PASSWORD")
        if not password and password_file.exists():
            password = password_file.read_text().strip()
        if not password:
            password = secrets.token_urlsafe(12)
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)

        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@localhost", password)
            self.stdout.write("Created the admin account.")
        self.stdout.write(self.style.SUCCESS(f"Admin: {settings.SITE_URL}/admin/  user: admin  password: {password}"))
