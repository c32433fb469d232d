import factory
import wagtail_factories

from .models import FAQPage, FAQQuestion


class FAQPageFactory(wagtail_factories.PageFactory):
    title = "Frequently Asked Questions"
    slug = "faq"
    show_in_menus = True
    introduction = "Short answers to the questions we hear most about sector strategies."

    class Meta:
        model = FAQPage


class FAQQuestionFactory(factory.django.DjangoModelFactory):
    """A question saved on ``page`` (required); pass ``topics=[...]`` to link topic sections."""

    question = factory.Sequence(lambda n: f"What is question number {n}?")
    answer = factory.LazyFunction(lambda: [{"type": "text", "value": "<p>A short answer.</p>"}])
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = FAQQuestion
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            if create:
                self.topics.commit()
