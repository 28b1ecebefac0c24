"""Where the time of an HTTP exchange went, measured at the points curl's ``-w`` reports.

Every mark is a ``time.perf_counter_ns()`` reading, taken at the same moment as curl's variable
of the same meaning (curl ``docs/cmdline-opts/write-out.md``; cumulative from the start):

=================  ===================================================================
mark               taken
=================  ===================================================================
start              when the exchange begins, before the name is resolved
namelookup         the address is known (``time_namelookup``; an IP literal takes ~0)
connect            the TCP connection is up (``time_connect``)
appconnect         the TLS handshake is done (``time_appconnect``; 0 in curl for plain)
pretransfer        just before the first request byte is written (``time_pretransfer``)
posttransfer       the last request byte was taken by the kernel (``time_posttransfer``,
                   curl 8.10+)
starttransfer      the first response byte was read (``time_starttransfer``)
end                the last response ended as framed, or the exchange stopped
                   (``time_total``)
=================  ===================================================================

:class:`Timings` gives the durations of the phases between consecutive marks (what a browser's
waterfall shows); :meth:`Timings.curl_style` gives the cumulative values curl prints.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

__all__ = ["Clock", "Timings"]

_NS_PER_MS = 1_000_000


class Clock:
    """The marks of one exchange, taken as it goes; unset marks are None."""

    # Unset marks as class defaults: a clock is made per keep-alive request, and most of its
    # marks (the connect phases) stay unset on a reused connection.
    namelookup: int | None = None
    connect: int | None = None
    appconnect: int | None = None
    pretransfer: int | None = None
    posttransfer: int | None = None
    starttransfer: int | None = None
    end: int | None = None

    def __init__(self) -> None:
        self.start = time.perf_counter_ns()

    def timings(self) -> Timings:
        """The phases so far (``end`` is taken now if it was not); the durations are worked
        out from the marks when first read (this runs once per keep-alive request, and a
        result nobody looks at needs none of them)."""
        if self.end is None:
            self.end = time.perf_counter_ns()
        timings = object.__new__(Timings)
        marks: _Marks = (
            self.start,
            self.namelookup,
            self.connect,
            self.appconnect,
            self.pretransfer,
            self.posttransfer,
            self.starttransfer,
            self.end,
        )
        vars(timings)["_marks"] = marks
        return timings


# A clock's marks: start, namelookup, connect, appconnect, pretransfer, posttransfer,
# starttransfer, end.
_Marks = tuple[int, int | None, int | None, int | None, int | None, int | None, int | None, int]


def _phases(marks: _Marks) -> dict[str, object]:
    """The fields of :class:`Timings` from a clock's marks.

    A phase needs the marks at both its ends; as curl does, a point that was not reached (or
    not needed: TLS on plain TCP, the lookup on a reused connection) reads 0 in the marks.
    """
    start, lookup, connect, appconnect, pre, post, first, end = marks
    ms = _NS_PER_MS
    total = (end - start) / ms
    return {
        "dns_ms": None if lookup is None else max(0, lookup - start) / ms,
        "connect_ms": None if lookup is None or connect is None else max(0, connect - lookup) / ms,
        "tls_ms": None
        if connect is None or appconnect is None
        else max(0, appconnect - connect) / ms,
        "request_written_ms": None if pre is None or post is None else max(0, post - pre) / ms,
        "ttfb_ms": None if post is None or first is None else max(0, first - post) / ms,
        "download_ms": None if first is None else max(0, end - first) / ms,
        "total_ms": total,
        "marks_ms": {
            "time_namelookup": 0.0 if lookup is None else (lookup - start) / ms,
            "time_connect": 0.0 if connect is None else (connect - start) / ms,
            "time_appconnect": 0.0 if appconnect is None else (appconnect - start) / ms,
            "time_pretransfer": 0.0 if pre is None else (pre - start) / ms,
            "time_posttransfer": 0.0 if post is None else (post - start) / ms,
            "time_starttransfer": 0.0 if first is None else (first - start) / ms,
            "time_total": total,
        },
    }


@dataclass(frozen=True)
class Timings:
    """Durations of the phases of an exchange, in milliseconds.

    A phase that did not happen is None: name lookup, connect and TLS on a reused connection,
    TLS on plain TCP, and every phase after the point where an exchange failed. The phases add
    up to ``total_ms``, but for the few microseconds between the connection being ready and the
    first write, and when the server answers before the whole request was written (a large
    upload), where ``ttfb_ms`` is 0.

    Attributes:
        dns_ms: resolving the host name.
        connect_ms: the TCP handshake.
        tls_ms: the TLS handshake.
        request_written_ms: writing the request(s) until the kernel took the last byte.
        ttfb_ms: waiting for the first response byte after the request was written.
        download_ms: from the first response byte to the end of the last response.
        total_ms: the whole exchange.
        marks_ms: the marks themselves, cumulative from the start, named as in curl.
    """

    dns_ms: float | None
    connect_ms: float | None
    tls_ms: float | None
    request_written_ms: float | None
    ttfb_ms: float | None
    download_ms: float | None
    total_ms: float
    marks_ms: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    if not TYPE_CHECKING:  # (hidden from mypy, which then still checks every field name)

        def __getattr__(self, name: str) -> Any:
            # Asked only for an attribute not set: on timings from ``Clock.timings``, a field
            # before the first was read. They are all worked out from the marks then, in one
            # step (the marks stay: two threads reading at once both find them).
            marks = vars(self).get("_marks")
            if marks is None or name not in _PHASE_NAMES:
                raise AttributeError(name)
            phases = _phases(marks)
            vars(self).update(phases)
            return phases[name]

    def curl_style(self) -> dict[str, float]:
        """Cumulative milliseconds named like curl's ``-w`` variables, from the marks taken
        (0 for a point not reached, as in curl; without marks, summed from the phases)."""
        if self.marks_ms:
            return dict(self.marks_ms)
        dns = self.dns_ms or 0.0
        connect = dns + (self.connect_ms or 0.0)
        appconnect = connect + (self.tls_ms or 0.0)
        posttransfer = appconnect + (self.request_written_ms or 0.0)
        starttransfer = posttransfer + (self.ttfb_ms or 0.0)
        return {
            "time_namelookup": dns,
            "time_connect": connect,
            "time_appconnect": appconnect if self.tls_ms is not None else 0.0,
            "time_pretransfer": appconnect,
            "time_posttransfer": posttransfer,
            "time_starttransfer": starttransfer,
            "time_total": self.total_ms,
        }

    def summary(self) -> str:
        """One line: ``dns 0.03 ms · connect 0.08 ms · … · total 1.20 ms`` (phases that
        happened only)."""
        phases = (
            ("dns", self.dns_ms),
            ("connect", self.connect_ms),
            ("tls", self.tls_ms),
            ("request", self.request_written_ms),
            ("wait", self.ttfb_ms),
            ("download", self.download_ms),
            ("total", self.total_ms),
        )
        return " · ".join(f"{name} {value:.2f} ms" for name, value in phases if value is not None)


_PHASE_NAMES = frozenset(f.name for f in fields(Timings))
