from django.urls import path

from . import link_views, views

app_name = "mailinglist"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/", link_views.confirm, name="confirm"),
    path("unsubscribe/", link_views.unsubscribe, name="unsubscribe"),
    path("preferences/", link_views.preferences, name="preferences"),
    path("preferences/new-link/", views.preferences_link, name="preferences_link"),
    path("preferences/new-link/sent/", views.preferences_link_sent, name="preferences_link_sent"),
    # The List-Unsubscribe address (RFC 8058), and the links mailed before tokens moved to the fragment.
    path("unsubscribe/<str:token>/", link_views.one_click_unsubscribe, name="one_click_unsubscribe"),
    path("confirm/<str:token>/", link_views.confirm, name="confirm_legacy"),
    path("preferences/<str:token>/", link_views.preferences, name="preferences_legacy"),
    path("newsletters/", views.archive, name="archive"),
    path("newsletters/<int:pk>/", views.newsletter, name="newsletter"),
]
