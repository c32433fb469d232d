from django.apps import AppConfig


class WsiConfig(AppConfig):
    name = "wsi"
    verbose_name = "Site"
    # The shell (header, footer, section menu, skip link), shared components and chart blocks.
    reserved_element_ids = (
        "top",
        "main",
        "primary-nav",
        "site-search-q",
        "section-menu-heading",
        "footer-follow-heading",
        "contact-details-heading",
        "error-summary-heading",
        "chart-????????-title",
        "chart-????????-desc",
    )

    def ready(self):
        from wsi.navigation import connect_signals

        connect_signals()
