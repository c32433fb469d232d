"""Staff accounts in the site's roles, as the README's table describes them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "a-long-staff-password"


def staff_member(role, username=None, email=None):
    """An active account in the group ``role`` (e.g. "Editors"), with a password for logins
    through the browser."""
    username = username or role.lower().replace(" ", "-")
    user = get_user_model().objects.create_user(
        username, email or f"{username}@example.org", PASSWORD, first_name=role.rstrip("s")
    )
    user.groups.add(Group.objects.get(name=role))
    return user
