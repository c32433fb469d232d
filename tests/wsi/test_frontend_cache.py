"""Where a change shows (wsi/frontend_cache.py): the URLs the worker is given to purge, one
transaction at a time. tests/wsi/test_varnish.py sends them to a real Varnish."""

import pytest
from django.db import connection, transaction
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from resources.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesIndexPageFactory,
    EventSeriesPageFactory,
    EventSpeakerFactory,
)
from resources.library.factories import (
    FundersPageFactory,
    OrganisationFactory,
    PersonFactory,
    ResourcePageFactory,
    StaffPageFactory,
    TopicFactory,
)
from resources.library.models import Organisation
from wsi import frontend_cache
from wsi.factories import SectionPageFactory, StandardPageFactory
from wsi.tasks import purge_frontend_cache

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture
def purged(settings, monkeypatch):
    """The URLs handed to the worker, per task (run the change in ``committed``)."""
    settings.WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "wsi.frontend_cache.PurgingHTTPBackend", "LOCATION": "x"}}
    tasks = []
    monkeypatch.setattr(purge_frontend_cache, "apply_async", lambda args, **options: tasks.append(set(args[0])))
    return tasks


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the commit runs (the test's own transaction is never committed), for the
    changes made in the block only."""

    def capture():
        connection._wsi_purge_batch = None  # the factories' batch, which no commit will send
        return django_capture_on_commit_callbacks(execute=True)

    return capture


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


def _paths(urls):
    return {url.removeprefix(SITE) for url in urls}


def test_a_published_page_purges_itself_its_listings_and_the_site_wide_pages_once(home, purged, committed):
    about = SectionPageFactory(parent=home, slug="about-us")
    story = StandardPageFactory(parent=about, slug="our-story", show_in_menus=False)
    StandardPageFactory(parent=about, slug="unrelated", show_in_menus=False)
    purged.clear()

    with committed():
        with transaction.atomic():
            story.title = "The story of WSI"
            story.save_revision().publish()
        assert purged == []  # nothing before the commit

    [task] = purged
    site_wide = {"/search/", "/sitemap.xml", "/sitemap-pages.xml"}
    assert _paths(task) == {"/about-us/our-story/", "/about-us/", "/", *site_wide}


def test_a_draft_or_a_rolled_back_publish_purges_nothing(home, library, purged, committed):
    story = StandardPageFactory(parent=home, slug="our-story", show_in_menus=False)
    topic = TopicFactory(name="Job quality", slug="job-quality")
    purged.clear()

    with committed():
        story.save_revision()
        topic.name = "Quality of jobs"
        topic.save_revision()
        with pytest.raises(RuntimeError), transaction.atomic():
            story.save_revision().publish()
            raise RuntimeError

    assert purged == []


def test_a_new_slug_purges_the_old_addresses_of_the_page_and_its_subtree(home, purged, committed):
    about = SectionPageFactory(parent=home, slug="about-us")
    StandardPageFactory(parent=about, slug="team", show_in_menus=False)
    purged.clear()

    with committed():
        about.slug = "who-we-are"
        about.save_revision().publish()

    assert {"/about-us/", "/about-us/team/", "/who-we-are/", "/who-we-are/team/"} <= _paths(set().union(*purged))


def test_a_page_that_links_to_another_is_purged_with_it(home, purged, committed):
    target = StandardPageFactory(parent=home, slug="target", show_in_menus=False)
    linking = StandardPageFactory(
        parent=home,
        slug="linking",
        show_in_menus=False,
        body=[{"type": "paragraph", "value": f'<p><a linktype="page" id="{target.pk}">See</a></p>'}],
    )
    linking.save_revision().publish()  # indexes its references
    purged.clear()

    with committed():
        target.save_revision().publish()

    assert "/linking/" in _paths(purged[-1])


def test_a_resource_purges_the_topic_sections_and_its_authors_pages(library, purged, committed):
    topic = TopicFactory(name="Job quality")
    author = PersonFactory(slug="ana-ruiz")
    resource = ResourcePageFactory(parent=library, slug="good-jobs", topics=[topic], authors=[author])
    purged.clear()

    with committed():
        resource.save_revision().publish()

    base = library.url
    assert {
        f"{base}good-jobs/",
        f"{base}good-jobs/cite/bibtex/",
        base,
        f"{base}feed/",
        f"{base}job-quality/",
        f"{base}job-quality/feed/",
        f"{base}people/ana-ruiz/",
    } <= _paths(purged[-1])


def test_an_event_purges_its_listings_calendars_series_and_speakers(home, library, purged, committed):
    events = EventIndexPageFactory(parent=home, slug="events")
    series = EventSeriesPageFactory(parent=EventSeriesIndexPageFactory(parent=home), slug="working-in-america")
    event = EventPageFactory(parent=events, slug="panel", series=series)
    EventSpeakerFactory(page=event, person=PersonFactory(slug="ana-ruiz"))
    purged.clear()

    with committed():
        event.save_revision().publish()

    assert {
        "/events/panel/",
        "/events/panel/calendar/",
        "/events/",
        "/events/past/",
        "/events/calendar/",
        "/events/feed/rss/",
        series.url,
        f"{series.url}calendar/",
        f"{library.url}people/ana-ruiz/",
    } <= _paths(purged[-1])


def test_a_redirect_purges_its_old_path_and_a_promotion_the_search(home, purged, committed):
    with committed():
        Redirect.objects.create(old_path="/old-report", redirect_link="/new/")
    with committed():
        SearchPromotion.objects.create(query=Query.get("care"), external_link_url="https://example.org/")

    assert [_paths(urls) for urls in purged] == [{"/old-report", "/old-report/"}, {"/search/"}]


def test_a_snippet_no_app_claims_purges_everything(home, purged, committed):
    from taggit.models import Tag

    with committed():
        Tag.objects.create(name="jobs")

    assert [_paths(urls) for urls in purged] == [{"/*"}]


def test_the_whole_site_when_the_menus_changed(home, settings):
    section = SectionPageFactory(parent=home, slug="about-us")
    frontend_cache.menus_changed()
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []

    frontend_cache.deliver([f"{SITE}/about-us/"], check_menus=True)
    section.title = "Who we are"
    section.save_revision().publish()
    frontend_cache.deliver([f"{SITE}/about-us/"], check_menus=True)

    assert RecordingBackend.purged == [f"{SITE}/about-us/", f"{SITE}/*"]


def test_the_worker_purges_what_it_purged_once_more_after_a_delay_and_no_more(home, settings, monkeypatch):
    frontend_cache.menus_changed()
    SectionPageFactory(parent=home, slug="about-us")  # new menus: the first pass purges everything
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
    settings.FRONTEND_CACHE_REPURGE_AFTER = 10
    RecordingBackend.purged = []
    scheduled = []
    monkeypatch.setattr(purge_frontend_cache, "apply_async", lambda *args, **options: scheduled.append((args, options)))

    purge_frontend_cache(["http://testserver/about-us/"], check_menus=True)
    [((args, kwargs), options)] = scheduled
    purge_frontend_cache(*args, **kwargs)

    assert RecordingBackend.purged == [f"{SITE}/*", f"{SITE}/*"]
    assert options == {"countdown": 10}
    assert len(scheduled) == 1


def test_a_topic_or_a_person_with_a_new_slug_purges_their_old_addresses_too(library, purged, committed):
    topic = TopicFactory(name="Job quality", slug="job-quality")
    person = PersonFactory(slug="ana-ruiz")
    topic.slug, person.slug = "quality-of-jobs", "ana-ruiz-lopez"
    drafts = [topic.save_revision(), person.save_revision()]  # e.g. approved later in review
    purged.clear()

    for draft in drafts:
        with committed():
            draft.publish()

    base = library.url
    topic_urls, person_urls = (_paths(urls) for urls in purged)
    assert {
        f"{base}job-quality/",
        f"{base}job-quality/feed/",
        f"{base}job-quality/feed/atom/",
        f"{base}quality-of-jobs/",
        "/sitemap-pages.xml",
    } <= topic_urls
    assert {f"{base}people/ana-ruiz/", f"{base}people/ana-ruiz-lopez/", "/sitemap-pages.xml"} <= person_urls


def test_authors_and_speakers_removed_have_their_pages_purged(home, library, purged, committed):
    from resources.library.models import ResourceAuthor

    ana, ben = PersonFactory(slug="ana-ruiz"), PersonFactory(slug="ben-okafor")
    resource = ResourcePageFactory(parent=library, slug="good-jobs", authors=[ana, ben])
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home, slug="events"), slug="panel")
    EventSpeakerFactory(page=event, person=ana)
    EventSpeakerFactory(page=event, person=ben)
    purged.clear()

    with committed():
        resource.authors = [ResourceAuthor(person=ana)]
        resource.save_revision().publish()
    with committed():
        event.speakers = [speaker for speaker in event.speakers.all() if speaker.person == ana]
        event.save_revision().publish()

    assert len(purged) == 2
    for urls in purged:
        assert f"{library.url}people/ben-okafor/" in _paths(urls)


def test_a_person_deleted_purges_the_resources_and_events_that_named_them(home, library, purged, committed):
    """Their authorships and appearances are deleted first: the reference index names the pages."""
    ana = PersonFactory(slug="ana-ruiz")
    ResourcePageFactory(parent=library, slug="good-jobs", authors=[ana])
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home, slug="events"), slug="panel")
    EventSpeakerFactory(page=event, person=ana)
    purged.clear()

    with committed():
        ana.delete()

    [urls] = purged
    assert {f"{library.url}good-jobs/", "/events/panel/", f"{library.url}people/ana-ruiz/"} <= _paths(urls)


def test_the_staff_and_funders_pages_show_their_people_and_organisations(home, purged, committed):
    about = SectionPageFactory(parent=home, slug="about-us")
    StaffPageFactory(parent=about)
    FundersPageFactory(parent=about)
    staff, leaver, author = (PersonFactory(is_staff=is_staff) for is_staff in (True, True, False))
    funder = OrganisationFactory(kind=Organisation.Kind.FUNDER)
    purged.clear()

    with committed():
        staff.role = "Director"
        staff.save()
    with committed():
        leaver.is_staff = False
        leaver.save()
    with committed():
        funder.name = "The Ford Foundation"
        funder.save()
    with committed():
        author.save()

    staff_urls, leaver_urls, funder_urls, *author_urls = (_paths(urls) for urls in purged)
    assert "/about-us/staff/" in staff_urls and "/about-us/funders/" not in staff_urls
    assert "/about-us/staff/" in leaver_urls
    assert "/about-us/funders/" in funder_urls and "/about-us/staff/" not in funder_urls
    assert not any("/about-us/staff/" in urls for urls in author_urls)


def test_an_announcement_purges_the_newsletter_archive_when_it_starts_sending_and_when_deleted(home, purged, committed):
    from mailinglist import announcing
    from mailinglist.factories import AnnouncementFactory
    from mailinglist.models import Announcement

    announcement = AnnouncementFactory(state=Announcement.State.QUEUED)
    pk = announcement.pk
    with committed():
        announcing.prepare(announcement.pk, deadline=float("inf"))
    with committed():
        announcement.refresh_from_db()
        announcement.delete()

    archive = {"/mailing-list/newsletters/", f"/mailing-list/newsletters/{pk}/", "/sitemap-newsletters.xml"}
    assert [_paths(urls) for urls in purged] == [archive, archive]
