from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import OutgoingMail, Subscriber
from .staff.announce_page import AnnouncePageView
from .staff.announcements import AnnouncementViewSet
from .staff.dashboard import MailingListPanel
from .staff.mails import OutgoingMailViewSet
from .staff.subscribers import SubscriberPermissionPolicy, SubscriberViewSet

register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


class ReadOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


register_permission_policy(OutgoingMail, ReadOnlyPolicy(OutgoingMail))


class MailingListGroup(ViewSetGroup):
    menu_label = "Mailing list"
    menu_icon = "mail"
    menu_order = 250
    items = (SubscriberViewSet, AnnouncementViewSet, OutgoingMailViewSet)


@hooks.register("register_admin_viewset")
def register_mailing_list_viewsets():
    return MailingListGroup()


@hooks.register("register_log_actions")
def register_mailing_list_log_actions(actions):
    actions.register_action("mailinglist.export", "Export subscribers", "Exported subscribers as CSV")
    actions.register_action("mailinglist.import", "Import subscribers", "Imported subscribers from CSV")
    actions.register_action("mailinglist.erase", "Erase subscriber", "Erased a subscriber's personal data")
    actions.register_action("mailinglist.resend", "Resend confirmation", "Queued a new confirmation mail")
    actions.register_action("mailinglist.revoke", "Revoke links", "Revoked the subscriber's links")
    actions.register_action("mailinglist.send", "Send announcement", "Queued the announcement for sending")


@hooks.register("construct_homepage_panels")
def add_mailing_list_panel(request, panels):
    if request.user.has_perm("mailinglist.view_subscriber"):
        panels.append(MailingListPanel())


@hooks.register("register_admin_urls")
def register_announce_page_url():
    view = AnnouncePageView.as_view()
    return [path("mailing-list/announce-page/<int:page_id>/", view, name="mailinglist_announce_page")]


def _announce_url(page):
    return reverse("mailinglist_announce_page", args=[page.pk])


@hooks.register("register_page_header_buttons")
def announce_this_header_button(page, user, view_name, next_url=None):
    if page.live and not page.is_root() and user.has_perm("mailinglist.add_announcement"):
        yield MenuItem("Announce this", url=_announce_url(page), icon_name="mail", priority=80)


@hooks.register("register_page_listing_more_buttons")
def announce_this_listing_button(page, user, next_url=None):
    if page.live and not page.is_root() and user.has_perm("mailinglist.add_announcement"):
        yield MenuItem("Announce this", url=_announce_url(page), icon_name="mail", priority=80)
