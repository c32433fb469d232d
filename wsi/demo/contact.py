from wsi.demo_kit import get_or_create_page
from wsi.models import ContactFormField, ContactPage

FORM_FIELDS = [
    ("Name", "singleline", True, ""),
    ("Email", "email", True, "We reply to this address."),
    ("Organisation", "singleline", False, ""),
    ("Message", "multiline", True, "Up to 5,000 characters."),
]


def load(demo):
    get_or_create_page(
        demo.home,
        ContactPage,
        "contact",
        title="Contact",
        show_in_menus=True,
        introduction=(
            "Questions about our research, a request for a publication, an invitation to speak: "
            "write to us and a member of staff will answer within a few working days."
        ),
        thank_you_text=(
            "<p>A member of our staff reads every message and answers within a few working days. "
            "In the meantime, our research and resources library holds every report we have published.</p>"
        ),
        form_fields=[
            ContactFormField(sort_order=order, label=label, field_type=field_type, required=required, help_text=help)
            for order, (label, field_type, required, help) in enumerate(FORM_FIELDS)
        ],
    )
    demo.log("contact page with its form")
