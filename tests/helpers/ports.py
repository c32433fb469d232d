"""Ports on 127.0.0.1 for the servers the tests and benchmarks start themselves."""

import socket
import time

# Ports free_port gave this process. Helpers draw their ports before they start their servers
# (the stack draws a dozen at once), and the system may offer a released port again at once.
_handed_out = set()


def free_port():
    """A port nothing listens on, never one this process was given before."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port


def wait_listening(process, name, ports, timeout):
    """Returns once every one of ``ports`` takes a connection; raises RuntimeError if the
    ``process`` (a Popen with stderr piped) exits first or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    waiting = list(ports)
    while waiting:
        if process.poll() is not None:
            raise RuntimeError(f"{name} did not start: {process.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", waiting[0]), timeout=0.2).close()
            waiting.pop(0)
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not listen within {timeout} s") from None
            time.sleep(0.05)
