from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy, register_permission_policy

from wsi.staff_dashboard import SiteActivityPanel


class LockoutPolicy(ModelPermissionPolicy):
    """django-axes records the failed logins; staff only look at them, and delete them to lift
    a lockout before its cool-off ends."""

    def user_has_permission(self, user, action):
        return action in ("view", "delete") and super().user_has_permission(user, action)


register_permission_policy(AccessAttempt, LockoutPolicy(AccessAttempt))


class LoginLockoutViewSet(ModelViewSet):
    """Failed admin logins by address and account, under Settings."""

    model = AccessAttempt
    name = "login_lockouts"
    url_prefix = "login-lockouts"
    icon = "lock"
    menu_label = "Failed logins"
    add_to_settings_menu = True
    copy_view_enabled = False
    form_fields = []  # read-only: the permission policy allows only "view" and "delete"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    ordering = ["-attempt_time"]


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet()


@hooks.register("filter_form_submissions_for_user")
def only_moderators_read_submissions(user, editable_forms):
    """Messages sent through the contact form hold visitors' addresses: editors may edit the
    contact page, but only those allowed to view submissions (moderators) read them."""
    if user.has_perm("wsi.view_contactsubmission"):
        return editable_forms
    return editable_forms.none()


@hooks.register("construct_homepage_panels")
def add_site_activity_panel(request, panels):
    if page_permission_policy.user_has_any_permission(request.user, {"add", "change", "publish"}):
        panels.append(SiteActivityPanel())
