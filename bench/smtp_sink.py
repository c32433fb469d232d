"""A fast SMTP sink for the benchmarks: just enough of the protocol (EHLO, MAIL, RCPT, DATA,
RSET, NOOP, QUIT, with PIPELINING) to take mail from smtplib, recording each recipient and
when its mail's final dot arrived, and nothing else. aiosmtpd parses every command through
layers of coroutines and costs the 2-core machine a good share of the CPU the sender is measured
on; this one costs a few microseconds per mail, so what the benchmark measures is the sender.

    .venv/bin/python bench/smtp_sink.py --floor 10000   # the sink alone, fed prebuilt mails
"""

import argparse
import asyncio
import multiprocessing
import smtplib
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers.ports import free_port  # noqa: E402


class SinkProtocol(asyncio.Protocol):
    def __init__(self, sink):
        self.sink = sink
        self.buffer = b""
        self.in_data = False
        self.recipients = []

    def connection_made(self, transport):
        self.transport = transport
        transport.write(b"220 bench sink\r\n")

    def data_received(self, data):
        self.buffer += data
        replies = []
        while True:
            if self.in_data:
                end = self.buffer.find(b"\r\n.\r\n")
                if end < 0:
                    break
                self.buffer = self.buffer[end + 5 :]
                self.in_data = False
                self.sink.received(self.recipients)
                self.recipients = []
                replies.append(b"250 accepted\r\n")
                continue
            end = self.buffer.find(b"\r\n")
            if end < 0:
                break
            line, self.buffer = self.buffer[:end], self.buffer[end + 2 :]
            verb = line[:4].upper()
            if verb == b"EHLO":
                replies.append(b"250-bench\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 0\r\n")
            elif verb == b"RCPT":
                self.recipients.append(line.partition(b"<")[2].partition(b">")[0].decode())
                replies.append(b"250 ok\r\n")
            elif verb == b"DATA":
                self.in_data = True
                self.buffer = b"\r\n" + self.buffer  # the first line may be a lone dot
                replies.append(b"354 go ahead\r\n")
            elif verb == b"QUIT":
                self.transport.write(b"".join(replies) + b"221 bye\r\n")
                self.transport.close()
                return
            else:  # HELO, MAIL, RSET, NOOP
                if verb == b"RSET":
                    self.recipients = []
                replies.append(b"250 ok\r\n")
        if replies:
            self.transport.write(b"".join(replies))


class FastSink:
    """Runs in a thread of its own; it keeps ``recipients`` in order of arrival, ``arrived``
    (time.monotonic() of each) and ``last`` (time.time() of the latest mail)."""

    def __init__(self):
        self.port = free_port()
        self.recipients = []
        self.arrived = []
        self.last = 0.0
        self.lock = threading.Lock()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.ready = threading.Event()

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def received(self, recipients):
        with self.lock:
            self.recipients.extend(recipients)
            self.arrived.extend([time.monotonic()] * len(recipients))
            self.last = time.time()

    def clear(self):
        with self.lock:
            self.recipients.clear()
            self.arrived.clear()

    def _run(self):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            self.loop.create_server(lambda: SinkProtocol(self), "127.0.0.1", self.port)
        )
        self.ready.set()
        self.loop.run_forever()
        server.close()

    def start(self):
        self.thread.start()
        self.ready.wait(5)
        return self

    def stop(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def _feed(port, count, message):
    with smtplib.SMTP("127.0.0.1", port) as client:
        for number in range(count):
            client.sendmail("wsi@localhost", [f"floor-{number}@example.org"], message)


def floor(count, senders, message_bytes=3000):
    """Mails per second that the sink takes from ``senders`` smtplib clients sending one prebuilt
    mail over and over: the most any sender can reach through it on this machine."""
    sink = FastSink().start()
    message = b"Subject: floor\r\n\r\n" + b"x" * 70 + b"\r\n"
    message = message * (message_bytes // len(message))
    processes = [
        multiprocessing.Process(target=_feed, args=(sink.port, count // senders, message)) for _ in range(senders)
    ]
    began = time.time()
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    elapsed = time.time() - began
    sink.stop()
    return len(sink.recipients), len(sink.recipients) / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--floor", type=int, default=10000, help="mails to send through the sink alone")
    parser.add_argument("--senders", type=int, default=2)
    args = parser.parse_args()
    received, rate = floor(args.floor, args.senders)
    print(f"sink alone: {received} mails from {args.senders} smtplib clients, {rate:.0f} mails/s")


if __name__ == "__main__":
    main()
