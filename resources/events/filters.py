"""Filtering and paging the event and news listings. Whatever a visitor types into the query
string, the listing answers: a value it does not know is reported and ignored."""

from functools import partial

from django import forms

from resources.library.topics import live_topics
from wsi.listing import clamped_page, page_url, pagination

PER_PAGE = 10


class ListingFilterForm(forms.Form):
    series = forms.ChoiceField(
        required=False, error_messages={"invalid_choice": "There is no such series; showing every series."}
    )
    topic = forms.ChoiceField(
        required=False, error_messages={"invalid_choice": "There is no such topic; showing every topic."}
    )
    year = forms.ChoiceField(
        required=False, error_messages={"invalid_choice": "There is nothing from that year; showing every year."}
    )

    def __init__(self, data, *, years, series=None, date_field="start_date"):
        super().__init__(data)
        self.date_field = date_field
        if series is None:
            del self.fields["series"]
        else:
            self.fields["series"].choices = [("", "All series"), *((item.slug, item.title) for item in series)]
        self.fields["topic"].choices = [("", "All topics"), *((topic.slug, topic.name) for topic in live_topics())]
        self.fields["year"].choices = [("", "All years"), *((str(day.year), str(day.year)) for day in years)]

    @property
    def active_filters(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def apply(self, queryset):
        filters = self.active_filters
        if "series" in filters:
            queryset = queryset.filter(series__slug=filters["series"])
        if "topic" in filters:
            queryset = queryset.filter(topics__slug=filters["topic"])
        if "year" in filters:
            queryset = queryset.filter(**{f"{self.date_field}__year": int(filters["year"])})
        return queryset


def filtered_listing(request, queryset, form=None):
    """The context of a listing: the page of results asked for (the first for a bad page
    number, the last past the end, each with a notice), links to the other pages that keep the
    filters, the form."""
    filters = {}
    if form is not None:
        queryset = form.apply(queryset)
        filters = form.active_filters
    notices = []
    page_obj = clamped_page(queryset, PER_PAGE, request.GET.get("page"), notices)
    return {
        "page_obj": page_obj,
        "pagination": pagination(page_obj, partial(page_url, list(filters.items()))),
        "notices": notices,
        "filter_form": form,
        "is_filtered": bool(filters),
    }
