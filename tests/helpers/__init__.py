"""Code that tests import: service checks, the browser's accessibility audit, the demo loader,
module-wide rows, form data and servers. Conftest modules hold fixtures (and the root one the
suite's hooks), nothing to import."""
