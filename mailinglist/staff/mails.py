from wagtail.admin.viewsets.model import ModelViewSet

from ..models import OutgoingMail


class OutgoingMailViewSet(ModelViewSet):
    """What the list sent, or tried to: read-only, for finding failed or stuck mails."""

    model = OutgoingMail
    name = "mailinglist_mails"
    url_prefix = "mailing-list/mails"
    icon = "mail"
    menu_label = "Outgoing mail"
    copy_view_enabled = False
    form_fields = []  # read-only: the permission policy allows only "view"
    inspect_view_enabled = True
    list_display = ["__str__", "subscriber", "state", "attempts", "created_at", "sent_at"]
    list_filter = ["state", "kind"]
    inspect_view_fields = [
        "kind",
        "state",
        "subscriber",
        "announcement",
        "attempts",
        "last_error",
        "message_id",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
