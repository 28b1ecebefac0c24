"""TLS sessions to JSON and back, exactly; anything else read back as None."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.net.certs import CertificateInfo
from desktop.core.net.tls import TlsSessionInfo, VerifyProblem
from desktop.core.net.tls_record import session_from_json, session_to_json

UTC = dt.UTC
LEAF = CertificateInfo(
    subject="CN=例子.test,O=SocketDesk",
    issuer="CN=Test Intermediate",
    not_before=dt.datetime(2026, 1, 1, tzinfo=UTC),
    not_after=dt.datetime(2027, 1, 1, 12, 30, tzinfo=UTC),
    sans=("DNS:例子.test", "IP:127.0.0.1"),
    serial="0A1B",
    sha256="AB:CD",
    self_signed=False,
)
ROOT = CertificateInfo("CN=Root", "CN=Root", LEAF.not_before, LEAF.not_after, (), "01", "EF", True)


@pytest.mark.parametrize(
    "info",
    [
        TlsSessionInfo("TLSv1.3", "TLS_AES_256_GCM_SHA384", "http/1.1", (LEAF,)),
        TlsSessionInfo(
            "TLSv1.2",
            "ECDHE-RSA-AES128-GCM-SHA256",
            None,
            (LEAF, ROOT),
            verified=False,
            verify_problems=(VerifyProblem(0, 10, "certificate has expired", LEAF.subject),),
            verification_required=True,
            server_name_sent="例子.test",
        ),
        TlsSessionInfo("TLSv1", "AES256-SHA", None, (LEAF,), verified=True, verified_chain=(ROOT,)),
    ],
)
def test_a_session_comes_back_exactly(info: TlsSessionInfo) -> None:
    assert session_from_json(session_to_json(info)) == info


@given(st.text(max_size=300))
def test_anything_else_is_none_never_an_exception(text: str) -> None:
    assert session_from_json(text) is None


@pytest.mark.parametrize(
    "text", ["", "[]", '{"v": 2}', '{"v": 1}', '{"v": 1, "version": "x", "cipher": "y"}']
)
def test_documents_it_did_not_write_are_none(text: str) -> None:
    assert session_from_json(text) is None
