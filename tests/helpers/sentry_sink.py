"""A stand-in for Sentry's ingest endpoint on 127.0.0.1 that keeps the envelopes posted to it."""

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Envelopes(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.server.received.append((self.path, body.decode()))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class SentrySink:
    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Envelopes)
        self.server.received = []

    def dsn(self, project_id):
        return f"http://publickey@127.0.0.1:{self.server.server_port}/{project_id}"

    @property
    def events(self):
        """(path, envelope) of each envelope that carries an error event."""
        return [(path, body) for path, body in self.server.received if '"type":"event"' in body]

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()
