"""What a hostile or broken client sends to a public form or query string, as hypothesis
strategies: arbitrary unicode (NUL, lone surrogates and invalid UTF-8 percent-escaped, right-to-left
marks), huge and odd numbers, values of up to 100 kB, and fields repeated, missing or unknown.

The property tests built on these send every request through Django's test client and assert
that the site never answers 5xx, and that a request it turns away stores nothing. They run with
``HOSTILE`` (no deadline, no example database, function-scoped fixtures such as the shared demo
site kept across examples) and each sets its own ``max_examples``: 5,000 or more in all.
A failure found once stays as an ``@example`` of its test."""

from urllib.parse import quote

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

HOSTILE = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202eevil\u202c",  # right-to-left override
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew
    "\ufeff",
    "\U0001f4a9" * 3,
    "e\u0301\u0301\u0301",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "%%32%35",
    "../../../../etc/passwd",
    "javascript:alert(1)",
    "\r\nSet-Cookie: x=1",
    "NaN",
    "inf",
    "-0",
    "1e999",
    "0x10",
    "١٢٣",  # Arabic-Indic digits
    "9" * 400,
    str(2**63),
    str(-(2**63) - 1),
    "someone@example.org",
    "a@b",
    "@",
    "x" * 1000 + "@example.org",
]
# Percent-escapes of bytes that are not UTF-8: surrogates (ED A0 80), overlongs, stray bytes.
RAW_ESCAPES = ["%ED%A0%80", "%ED%BF%BF", "%C0%AF", "%FF", "%FE%FF", "%80", "%00", "%E2%80%AE", "%25", "%2"]

any_character = st.characters(exclude_categories=())  # every code point, surrogates included
huge_number = st.integers(min_value=-(10**40), max_value=10**40).map(str)
long_value = st.builds(lambda char, size: char * size, any_character, st.integers(1_000, 100_000))


def quoted(text):
    return quote(text, safe="", errors="surrogatepass")


# Each value is already percent-encoded, ready for a query string or a urlencoded body.
value = st.one_of(
    st.text(any_character, max_size=40).map(quoted),
    st.sampled_from(NASTY).map(quoted),
    st.sampled_from(RAW_ESCAPES),
    st.lists(st.sampled_from(RAW_ESCAPES), min_size=1, max_size=6).map("".join),
    huge_number,
    st.integers(min_value=-5, max_value=10**6).map(str),
    long_value.map(quoted),
)


def fields(names, known=None):
    """Pairs of (name, encoded value): the form's own names (``names``), now and then an
    unknown one, each possibly repeated or left out. ``known`` maps a name to values the site
    accepts, mixed in so that the search gets past the first check."""
    name = st.one_of(st.sampled_from(names), st.sampled_from(names), st.text(any_character, max_size=8).map(quoted))
    hostile = st.tuples(name, value)
    if known:
        good = st.sampled_from(sorted(known)).flatmap(
            lambda key: st.tuples(st.just(key), st.sampled_from(known[key]).map(quoted))
        )
        hostile = st.one_of(hostile, good)
    return st.lists(hostile, max_size=8)


def encode(pairs):
    return "&".join(f"{name}={value}" for name, value in pairs)


def with_overrides(base, pairs, drop=()):
    """A valid submission ``base`` (a dict) with hostile pairs replacing some of its fields,
    and the names in ``drop`` left out: close enough to valid to reach the code behind the form."""
    replaced = {name for name, _ in pairs} | set(drop)
    return [(name, quoted(str(value))) for name, value in base.items() if name not in replaced] + list(pairs)


def post(client, path, pairs, **extra):
    return client.post(path, encode(pairs), content_type="application/x-www-form-urlencoded", **extra)


def get(client, path, pairs, **extra):
    query = encode(pairs)
    return client.get(f"{path}?{query}" if query else path, **extra)
