from django import template

from mailinglist.forms import SignupForm

register = template.Library()


@register.inclusion_tag("mailinglist/_signup_form.html", takes_context=True)
def signup_form(context):
    """The compact signup form for the footer of every page."""
    request = context.get("request")
    page = request.path if request is not None else ""
    return {"form": SignupForm(initial={"page": page}), "compact": True, "id_prefix": "footer-", "request": request}
