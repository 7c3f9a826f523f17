from django.urls import re_path

from . import views

app_name = "audience"
urlpatterns = [
    re_path(r"^count/(?P<rest>.*)$", views.count, name="count"),
]
