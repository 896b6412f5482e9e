"""Request limits for the class host: body size and a rate per client, as ASGI middleware.

Each answer also carries the host's own handling time as a ``Server-Timing`` header (the bench reads it).

A body over its route's limit is refused with 413 before it is read whole; a client sending faster
than its rate (per token, and per address whatever tokens it sends) gets 429 with ``Retry-After``. The
numbers are the host's tuning, kept here in one place.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

RECORD_BYTES = 2_000_000  # a whole record: 12 months of outcomes are about 60 kB
BODY_BYTES = 8_000  # every other body
RATE_PER_SECOND = 20.0  # sustained requests per client (a token)
BURST = 80  # requests a client may send at once
ADDRESS_RATE_PER_SECOND = 150.0  # sustained requests per address, whatever tokens it sends
ADDRESS_BURST = 400  # a whole class on one machine (tests, the bench) joining at once fits
FORGET_SECONDS = 600.0


@dataclass
class Bucket:
    """A token bucket: ``tokens`` left, refilled at the rate since ``stamp``."""

    tokens: float
    stamp: float


class RateLimiter:
    """Token buckets per client key."""

    def __init__(self, rate: float = RATE_PER_SECOND, burst: int = BURST) -> None:
        self.rate = rate
        self.burst = burst
        self.buckets: dict[str, Bucket] = {}
        self.swept = time.monotonic()

    def allow(self, key: str) -> bool:
        """Take one request from the client's bucket; False when it is empty."""
        now = time.monotonic()
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if now - self.swept > FORGET_SECONDS:
            self.buckets = {k: b for k, b in self.buckets.items() if now - b.stamp < FORGET_SECONDS}
            self.swept = now
        if bucket.tokens < 1.0:
            return False
        bucket.tokens -= 1.0
        return True


def _client_keys(scope: Scope) -> tuple[str, str | None]:
    """The client's address, and its token when it sends one."""
    client = scope.get("client") or ("?", 0)
    token = None
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            token = value.decode("latin-1")[-64:]
    return str(client[0]), token


async def _refuse(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": message}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class TooLarge(Exception):
    """A body grew past its limit while it was read."""


class LimitsMiddleware:
    """Refuses bodies over their size limit and clients over their rate."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.per_address = RateLimiter(ADDRESS_RATE_PER_SECOND, ADDRESS_BURST)
        self.per_token = RateLimiter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        address, token = _client_keys(scope)
        if not self.per_address.allow(address) or (token is not None and not self.per_token.allow(token)):
            await _refuse(send, 429, "too many requests; slow down", [(b"retry-after", b"1")])
            return
        limit = RECORD_BYTES if scope.get("path") == "/api/record" else BODY_BYTES
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _refuse(send, 413, f"the request body is over {limit} bytes")
                return
        seen = 0
        started = time.perf_counter()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                spent = (time.perf_counter() - started) * 1000
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"server-timing", f"app;dur={spent:.2f}".encode())]}
            await send(message)

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge()
            return message

        try:
            await self.app(scope, limited, timed)
        except TooLarge:
            await _refuse(send, 413, f"the request body is over {limit} bytes")
