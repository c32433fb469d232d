from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.helpers.nginx import running_nginx


@pytest.fixture
def nginx(live_server, tmp_path):
    """The origin, e.g. http://127.0.0.1:41234, of the repo's nginx config in front of the live server."""
    with running_nginx([urlsplit(live_server.url).netloc], tmp_path, settings.MEDIA_ROOT) as origin:
        yield origin
