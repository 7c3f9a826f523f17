from django.urls import path

from . import views

app_name = "ads"
urlpatterns = [
    path(
        "ads/slot/<slug:key>/<slug:language>/<int:section>/",
        views.slot,
        name="slot",
    ),
    path("ads/click/<str:token>/", views.click, name="click"),
]
