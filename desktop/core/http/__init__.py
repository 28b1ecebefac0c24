"""Raw HTTP/1.x: a lenient response reader, content decoding and charset choice (all sans-IO)."""

from desktop.core.http.anomaly import Anomaly, AnomalyKind
from desktop.core.http.charset import CharsetSource, DecodedText, decode_text
from desktop.core.http.decode import DecodedBody, decode_content
from desktop.core.http.response import ParsedResponse, ResponseReader

__all__ = [
    "Anomaly",
    "AnomalyKind",
    "CharsetSource",
    "DecodedBody",
    "DecodedText",
    "ParsedResponse",
    "ResponseReader",
    "decode_content",
    "decode_text",
]
