from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"
    reserved_element_ids = ("faq-contents", "faq-contents-heading")
