"""A TLS session's facts as JSON, so the HTTP history keeps what the TLS tab showed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from desktop.core.net.certs import CertificateInfo
from desktop.core.net.tls import TlsSessionInfo, VerifyProblem

__all__ = ["session_from_json", "session_to_json"]

_VERSION = 1


def session_to_json(info: TlsSessionInfo) -> str:
    """``info`` as a JSON document (certificates with their summaries, not their DER)."""
    return json.dumps(
        {
            "v": _VERSION,
            "version": info.version,
            "cipher": info.cipher,
            "alpn": info.alpn,
            "peer_chain": [_certificate(c) for c in info.peer_chain],
            "verified": info.verified,
            "verify_problems": [dataclasses.asdict(p) for p in info.verify_problems],
            "verification_required": info.verification_required,
            "server_name_sent": info.server_name_sent,
            "verified_chain": [_certificate(c) for c in info.verified_chain],
        },
        ensure_ascii=False,
    )


def session_from_json(text: str) -> TlsSessionInfo | None:
    """The session ``session_to_json`` wrote; None for anything else (never raises)."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("v") != _VERSION:
            return None
        return TlsSessionInfo(
            version=str(data["version"]),
            cipher=str(data["cipher"]),
            alpn=None if data["alpn"] is None else str(data["alpn"]),
            peer_chain=tuple(_certificate_from(c) for c in data["peer_chain"]),
            verified=None if data["verified"] is None else bool(data["verified"]),
            verify_problems=tuple(
                VerifyProblem(int(p["depth"]), int(p["code"]), str(p["message"]), str(p["subject"]))
                for p in data["verify_problems"]
            ),
            verification_required=bool(data["verification_required"]),
            server_name_sent=(
                None if data["server_name_sent"] is None else str(data["server_name_sent"])
            ),
            verified_chain=tuple(_certificate_from(c) for c in data["verified_chain"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _certificate(info: CertificateInfo) -> dict[str, Any]:
    fields = dataclasses.asdict(info)
    fields["not_before"] = info.not_before.isoformat()
    fields["not_after"] = info.not_after.isoformat()
    fields["sans"] = list(info.sans)
    return fields


def _certificate_from(data: dict[str, Any]) -> CertificateInfo:
    return CertificateInfo(
        subject=str(data["subject"]),
        issuer=str(data["issuer"]),
        not_before=dt.datetime.fromisoformat(data["not_before"]),
        not_after=dt.datetime.fromisoformat(data["not_after"]),
        sans=tuple(str(name) for name in data["sans"]),
        serial=str(data["serial"]),
        sha256=str(data["sha256"]),
        self_signed=bool(data["self_signed"]),
    )
