"""Free-text names read into parts, as the data migration and code creating People do."""

import pytest

from resources.library.names import PersonName, inverted_name, looks_like_organisation, parse_person_name


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Martin Luther King Jr.", ("Martin Luther", "", "King", "Jr.")),
        ("Martin Luther King, Jr.", ("Martin Luther", "", "King", "Jr.")),
        ("King, Martin Luther, Jr.", ("Martin Luther", "", "King", "Jr.")),
        ("King, Jr., Martin Luther", ("Martin Luther", "", "King", "Jr.")),
        ("Ludwig van Beethoven", ("Ludwig", "van", "Beethoven", "")),
        ("van Gogh, Vincent", ("Vincent", "van", "Gogh", "")),
        ("Juan  de la  Cruz", ("Juan", "de la", "Cruz", "")),
        ("Robert De Niro", ("Robert", "", "De Niro", "")),
        ("Steven L. Dawson", ("Steven L.", "", "Dawson", "")),
        ("Linda Dworak-Muñoz", ("Linda", "", "Dworak-Muñoz", "")),
        ("Thurston Howell III", ("Thurston", "", "Howell", "III")),
        ("Ade", ("", "", "Ade", "")),
    ],
)
def test_names_are_read_into_parts(text, parts):
    name = parse_person_name(text)
    assert (name.given_names, name.particle, name.family_name, name.suffix) == parts


def test_inverted_names_keep_or_move_the_particle():
    assert inverted_name(PersonName("King", "Martin Luther", suffix="Jr.")) == "King, Martin Luther, Jr."
    assert inverted_name(PersonName("Gogh", "Vincent", "van")) == "van Gogh, Vincent"
    assert inverted_name(PersonName("Beethoven", "Ludwig", "van", dropping_particle=True)) == "Beethoven, Ludwig van"


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Aspen Institute Economic Opportunities Program", True),
        ("Public/Private Ventures Project", True),
        ("Ford Foundation", True),
        ("Martin Luther King Jr.", False),
        ("Amy Blair", False),
    ],
)
def test_institutions_are_told_from_people(text, organisation):
    assert looks_like_organisation(text) is organisation
