"""Code that tests import: service checks, the browser's accessibility audit, the demo loader,
form data and servers. Conftest modules hold fixtures only."""
