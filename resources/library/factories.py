import datetime

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from resources.library.models import (
    FundersPage,
    Organisation,
    Person,
    ResourceAuthor,
    ResourceIndexPage,
    ResourcePage,
    StaffPage,
    Topic,
)
from resources.library.resource_types import ResourceType


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: topic.name.lower().replace(" ", "-"))
    description = factory.LazyAttribute(lambda topic: f"Research about {topic.name}.")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class PersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person Number{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    role = "Researcher"

    class Meta:
        model = Person


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.PARTNER

    class Meta:
        model = Organisation


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Research & Resources"
    slug = "research-resources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    """``topics=[...]`` and ``authors=[person, organisation or "Outside Author", ...]`` may be passed;
    a name makes a Person, its parts read from it."""

    title = factory.Sequence(lambda n: f"Resource {n}")
    resource_type = ResourceType.REPORT
    publication_date = datetime.date(2010, 6, 1)
    date_precision = "month"
    introduction = factory.LazyAttribute(lambda page: f"What {page.title} is about.")

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        if extracted:
            page.topics.set(extracted)
            if create:
                page.save()

    @factory.post_generation
    def authors(page, create, extracted, **kwargs):
        for order, author in enumerate(extracted or []):
            if isinstance(author, Organisation):
                page.authors.add(ResourceAuthor(organisation=author, sort_order=order))
                continue
            if not isinstance(author, Person):
                author, _created = Person.objects.get_or_create(slug=slugify(author), defaults={"name": author})
            page.authors.add(ResourceAuthor(person=author, sort_order=order))
        if extracted and create:
            page.save()


class StaffPageFactory(wagtail_factories.PageFactory):
    title = "Staff"
    slug = "staff"

    class Meta:
        model = StaffPage


class FundersPageFactory(wagtail_factories.PageFactory):
    title = "Funders"
    slug = "funders"

    class Meta:
        model = FundersPage
