"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives, and can be told to
misbehave for one recipient: answer 421 a few times, refuse with 550, or stall."""

import asyncio
import email
import email.policy
import threading
import time
from collections import defaultdict

from aiosmtpd.controller import Controller

from .ports import free_port

MAIL_ID_HEADER = "X-WSI-Mail-ID"


class Handler:
    """Takes pipelined commands (RFC 2920) and says so, as the providers' servers do."""

    def __init__(self):
        self.messages = []
        self.arrived = []
        self.lock = threading.Lock()
        self.temporary_failures = defaultdict(int)  # recipient -> how many 421s are left
        self.refused = set()
        self.stall = {}  # recipient -> seconds to wait at RCPT, once

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return [*responses[:-1], "250-PIPELINING", responses[-1]]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return f"550 5.1.1 <{address}>: No such mailbox here"
        delay = self.stall.pop(address, None)
        if delay:
            await asyncio.sleep(delay)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        recipient = envelope.rcpt_tos[0]
        with self.lock:
            if self.temporary_failures[recipient] > 0:
                self.temporary_failures[recipient] -= 1
                return "421 4.3.0 Try again later"
            self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            self.arrived.append(time.monotonic())
        return "250 Message accepted"


class SmtpSink:
    def __init__(self):
        self.handler = Handler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    @property
    def messages(self):
        with self.handler.lock:
            return list(self.handler.messages)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    def reset(self):
        with self.handler.lock:
            self.handler.messages.clear()
            self.handler.arrived.clear()
        self.handler.temporary_failures.clear()
        self.handler.refused.clear()
        self.handler.stall.clear()

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]

    def by_mail_id(self):
        """How many copies of each outgoing-mail row arrived: the at-most-once check."""
        counts = defaultdict(int)
        for message in self.messages:
            counts[message[MAIL_ID_HEADER]] += 1
        return dict(counts)

    def wait_for(self, predicate, timeout=20.0, interval=0.05):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.messages):
                return self.messages
            time.sleep(interval)
        raise AssertionError(f"the sink did not receive the expected mail in {timeout}s: {self.summary()}")

    def summary(self):
        return [(m["To"], m["Subject"], m[MAIL_ID_HEADER]) for m in self.messages]
