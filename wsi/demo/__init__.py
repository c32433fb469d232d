"""The site shell of the demo: home, the sections of the site map, their prose pages and the
contact page. Content apps add their pages from their own ``demo`` modules."""

from . import contact, site


def load(demo):
    site.load(demo)
    contact.load(demo)
