"""The mailing list's panel on the admin dashboard: who is on the list, how signups go, and
the mails that need a look."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..models import OutgoingMail, Subscriber

WEEKS = 12


def signups_per_week(now=None):
    """[(week start date, count)] for the last WEEKS weeks, oldest first, empty weeks as 0."""
    now = now or timezone.now()
    this_week = timezone.localdate(now) - timedelta(days=timezone.localdate(now).weekday())
    first = this_week - timedelta(weeks=WEEKS - 1)
    rows = (
        Subscriber.objects.filter(created_at__date__gte=first)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(total=Count("pk"))
        .order_by()
    )
    counts = {row["week"].date() if hasattr(row["week"], "date") else row["week"]: row["total"] for row in rows}
    return [(first + timedelta(weeks=n), counts.get(first + timedelta(weeks=n), 0)) for n in range(WEEKS)]


class MailingListPanel(Component):
    name = "mailinglist"
    order = 150
    template_name = "mailinglist/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        by_status = dict(Subscriber.objects.values_list("status").annotate(total=Count("pk")).order_by())
        weeks = signups_per_week(now)
        peak = max((count for _, count in weeks), default=0) or 1
        stuck_before = now - timedelta(seconds=settings.MAILINGLIST_ENQUEUE_LEASE_SECONDS)
        return {
            "statuses": [(label, by_status.get(value, 0)) for value, label in Subscriber.Status.choices],
            "weeks": [(start, count, round(100 * count / peak)) for start, count in weeks],
            "failed": OutgoingMail.objects.filter(state=OutgoingMail.State.FAILED).count(),
            "stuck": OutgoingMail.objects.filter(
                # An announcement's rows wait their turn; its page shows their progress.
                state__in=[OutgoingMail.State.QUEUED, OutgoingMail.State.SENDING],
                created_at__lt=stuck_before,
                announcement__isnull=True,
            ).count(),
            "recent_problems": OutgoingMail.objects.filter(state=OutgoingMail.State.FAILED).select_related(
                "subscriber"
            )[:5],
        }
