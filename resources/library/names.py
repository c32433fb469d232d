"""Personal names in parts, as citation styles need them (the parts CSL and citeproc use):
given names, a particle ("van", "de la"), the family name and a suffix ("Jr.", "III").

A *non-dropping* particle stays in front of the family name when the name is inverted
("van Gogh, Vincent"); a *dropping* one moves after the given names ("Beethoven, Ludwig van").
"""

from dataclasses import dataclass

PARTICLES = {
    "al", "bin", "da", "dal", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du",
    "el", "la", "le", "ten", "ter", "van", "vander", "von", "zu",
}  # fmt: skip
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"}
# Words that mark a free-text author as an institution rather than a person.
ORGANISATION_WORDS = {
    "agency", "alliance", "association", "board", "bureau", "center", "centre", "coalition", "college",
    "committee", "company", "corporation", "council", "department", "foundation", "fund", "group", "inc",
    "inc.", "initiative", "institute", "llc", "network", "office", "partnership", "program", "programme",
    "project", "society", "university",
}  # fmt: skip


@dataclass(frozen=True)
class PersonName:
    family_name: str
    given_names: str = ""
    particle: str = ""
    suffix: str = ""
    dropping_particle: bool = False


def parse_person_name(text):
    """The parts of a name written as "Given particle Family Suffix" or "particle Family, Given,
    Suffix". A lower-case particle ("van") is kept apart; a capitalised one ("De Niro") stays
    part of the family name, as it is sorted with it."""
    text = " ".join(text.split())
    if "," in text:
        family_part, *rest = (part.strip() for part in text.split(","))
        suffix = next((part for part in rest if part.lower() in SUFFIXES), "")
        given = " ".join(part for part in rest if part and part != suffix)
        if not given:  # "Martin Luther King, Jr.": natural order with a comma before the suffix
            return _natural_order(family_part.split(" "), suffix)
        particle, family = _split_particle(family_part.split(" "))
        return PersonName(family, given, particle, suffix)
    return _natural_order(text.split(" "), "")


def _natural_order(words, suffix):
    if not suffix and len(words) > 2 and words[-1].lower() in SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return PersonName(words[0], suffix=suffix)
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    given, family_words = words[:start], words[start:]
    particle, family = _split_particle(family_words)
    return PersonName(family, " ".join(given), particle, suffix)


def _split_particle(words):
    particle = []
    while len(words) > 1 and words[0] in PARTICLES:
        particle.append(words.pop(0))
    return " ".join(particle), " ".join(words)


def looks_like_organisation(text):
    return any(word.lower().strip(",") in ORGANISATION_WORDS for word in text.split())


def full_name(name):
    """ "Martin Luther King Jr.", "Ludwig van Beethoven" (Chicago 6.43: no comma before Jr.)."""
    return " ".join(part for part in (name.given_names, name.particle, name.family_name, name.suffix) if part)


def family_with_particle(name):
    """The family name as it leads an inverted name: "van Gogh", but "Beethoven"."""
    if name.particle and not name.dropping_particle:
        return f"{name.particle} {name.family_name}"
    return name.family_name


def given_with_particle(name):
    """The given names as they follow an inverted name: "Ludwig van" for a dropping particle."""
    if name.particle and name.dropping_particle:
        return " ".join(part for part in (name.given_names, name.particle) if part)
    return name.given_names


def inverted_name(name):
    """ "King, Martin Luther, Jr.", "van Gogh, Vincent", "Beethoven, Ludwig van"."""
    parts = [family_with_particle(name), given_with_particle(name), name.suffix]
    return ", ".join(part for part in parts if part)


def initials(given):
    """ "S. L." from "Steven L."; hyphenated names keep the hyphen ("J.-P." from "Jean-Pierre")."""
    parts = []
    for word in given.split():
        parts.append("-".join(f"{piece[0]}." for piece in word.split("-") if piece))
    return " ".join(parts)
