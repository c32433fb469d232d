import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the 'admin' superuser if there is none. The password comes from ADMIN_PASSWORD, "
        "or is generated once and kept in var/admin-password; it is printed either way. A password "
        "the site's validators refuse (AUTH_PASSWORD_VALIDATORS) stops it, saying why."
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
            try:
                validate_password(password, User(username="admin", email="admin@localhost"))
            except ValidationError as error:
                raise CommandError("ADMIN_PASSWORD is refused: " + " ".join(error.messages)) from error
            User.objects.create_superuser("admin", "admin@localhost", password)
            self.stdout.write("Created the admin account.")
        self.stdout.write(self.style.SUCCESS(f"Admin: {settings.SITE_URL}/admin/  user: admin  password: {password}"))
