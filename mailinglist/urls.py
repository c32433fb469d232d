from django.urls import path

from . import views

app_name = "mailinglist"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("newsletters/", views.archive, name="archive"),
    path("newsletters/<int:pk>/", views.newsletter, name="newsletter"),
]
