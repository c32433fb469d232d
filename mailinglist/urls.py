app_name = "mailinglist"

urlpatterns = []
