"""Raw HTTP/1.x: requests as typed, a timed exchange engine, and a lenient response reader.

The reader, decoders, request builder and curl import/export are sans-IO; ``exchange`` and
``race`` are the asyncio engine that sends the exact bytes and feeds the reader.
"""

from desktop.core.http.anomaly import Anomaly, AnomalyKind
from desktop.core.http.charset import CharsetSource, DecodedText, decode_text
from desktop.core.http.curl import CurlImport, CurlImportError, from_curl, to_curl, to_python
from desktop.core.http.decode import DecodedBody, decode_content
from desktop.core.http.exchange import ExchangeResult, HttpTarget, exchange, race
from desktop.core.http.request import BuiltRequest, build_request
from desktop.core.http.response import ParsedResponse, ResponseReader
from desktop.core.http.timings import Timings

__all__ = [
    "Anomaly",
    "AnomalyKind",
    "BuiltRequest",
    "CharsetSource",
    "CurlImport",
    "CurlImportError",
    "DecodedBody",
    "DecodedText",
    "ExchangeResult",
    "HttpTarget",
    "ParsedResponse",
    "ResponseReader",
    "Timings",
    "build_request",
    "decode_content",
    "decode_text",
    "exchange",
    "from_curl",
    "race",
    "to_curl",
    "to_python",
]
