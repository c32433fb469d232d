"""People, funders and partners of the demo, and the Staff and Funders pages under About us."""

from resources.library.models import FundersPage, Organisation, Person, StaffPage
from wsi.demo_kit import demo_image, describe_image, get_or_create_page, rich_text
from wsi.models import SectionPage

# slug: ((given names, family name), role, organisation, is_staff, bio)
PEOPLE = {
    "maureen-conway": (
        ("Maureen", "Conway"),
        "Executive Director, Economic Opportunities Program",
        "The Aspen Institute",
        True,
        "Maureen leads the Aspen Institute's Economic Opportunities Program, home of the Workforce Strategies "
        "Initiative. She has written widely on sector strategies, from the learning project that followed six "
        "sector programmes to the survey of the field's systems-change work.",
    ),
    "amy-blair": (
        ("Amy", "Blair"),
        "Research Director",
        "The Aspen Institute",
        True,
        "Amy directs the initiative's research. Her work covers sector strategies, partnerships between community "
        "colleges and nonprofit organisations, and, more recently, job quality.",
    ),
    "matt-helmer": (
        ("Matt", "Helmer"),
        "Senior Research Associate",
        "The Aspen Institute",
        True,
        "Matt studies how adult learners move through college and into the labour market. He co-wrote the "
        "Courses to Employment report on six college and nonprofit partnerships.",
    ),
    "linda-dworak-munoz": (("Linda", "Dworak-Muñoz"), "", "The Aspen Institute", False, ""),
    "steven-l-dawson": (("Steven L.", "Dawson"), "", "PHI", False, ""),
    "lily-zandniapour": (("Lily", "Zandniapour"), "", "The Aspen Institute", False, ""),
    "vickie-choitz": (("Vickie", "Choitz"), "", "The Aspen Institute", False, ""),
    # The content brief knows this co-author by family name only.
    "ade": (("", "Ade"), "", "", False, ""),
}

# name: (kind, url, description)
ORGANISATIONS = {
    "Charles Stewart Mott Foundation": (
        Organisation.Kind.FUNDER,
        "https://www.mott.org/",
        "Supported the Sectoral Employment Development Learning Project and the case studies published as "
        "Lessons from the Field.",
    ),
    "Ford Foundation": (
        Organisation.Kind.FUNDER,
        "https://www.fordfoundation.org/",
        "Supported the Sectoral Employment Development Learning Project, which followed participants of six "
        "sector programmes from 1997 to 2002.",
    ),
    "Annie E. Casey Foundation": (
        Organisation.Kind.FUNDER,
        "https://www.aecf.org/",
        "Supported the Sectoral Employment Development Learning Project.",
    ),
    "Prudential": (
        Organisation.Kind.FUNDER,
        "https://www.prudential.com/",
        "Supported the Job Quality Tools Library, launched in June 2020.",
    ),
    "Aspen Institute Workforce Strategies Initiative": (
        Organisation.Kind.AUTHOR,
        "",
        "The initiative itself, credited as the author of work published under its name.",
    ),
    "PHI": (
        Organisation.Kind.PARTNER,
        "https://www.phinational.org/",
        "A national organisation working for quality direct-care jobs; our partner on Restore the Promise of Work.",
    ),
}


def load_people():
    people = {}
    for order, (slug, ((given_names, family_name), role, organisation, is_staff, bio)) in enumerate(PEOPLE.items()):
        person, created = Person.objects.get_or_create(
            slug=slug,
            defaults={
                "given_names": given_names,
                "family_name": family_name,
                "role": role,
                "organisation": organisation,
                "is_staff": is_staff,
                "bio": f"<p>{bio}</p>" if bio else "",
                "sort_order": order,
            },
        )
        portrait = {
            "title": f"Portrait placeholder: {person.name}",
            "description": f"Placeholder for a portrait of {person.name}: circles and bands in blue, rust and gold",
        }
        describe_image(**portrait)
        if created and is_staff:
            person.photo = demo_image(**portrait, seed=300 + order, size=(480, 480), collection="People")
            person.save()
        people[slug] = person
    return people


def load_organisations():
    organisations = {}
    for name, (kind, url, description) in ORGANISATIONS.items():
        organisations[name], _ = Organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "url": url, "description": description}
        )
    return organisations


def load_about_pages(home):
    about = home.get_children().type(SectionPage).filter(slug="about-us").first()
    if about is None:
        return
    staff = get_or_create_page(
        about,
        StaffPage,
        "staff",
        title="Staff",
        show_in_menus=True,
        introduction="The researchers and practitioners of the Workforce Strategies Initiative.",
    )
    funders = get_or_create_page(
        about,
        FundersPage,
        "funders",
        title="Funders",
        show_in_menus=True,
        introduction="Our work is possible thanks to the foundations and companies below.",
        body=rich_text("Each funder is listed with the work it supported and the publications that came of it."),
    )
    _place_after(staff, "our-story")
    _place_after(funders, "staff")


def _place_after(page, sibling_slug):
    sibling = page.get_siblings().filter(slug=sibling_slug).first()
    if sibling is None or page.get_prev_sibling() == sibling:
        return
    page.move(sibling, pos="right")
