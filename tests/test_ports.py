"""The ports the helpers draw before they start their servers: the stack draws a dozen (its
SMTP sink, Redis, moto, nginx, the web nodes), and a port drawn twice left moto unable to listen."""

from tests.helpers.ports import free_port


def test_no_port_is_drawn_twice():
    ports = [free_port() for _ in range(2000)]

    assert len(set(ports)) == len(ports)
