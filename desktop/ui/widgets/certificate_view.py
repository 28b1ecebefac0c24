"""Shows a TLS session: version, cipher, ALPN, SNI, the verification outcome and every
certificate the peer sent (leaf first), with the problems found in each."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.net.tls import TlsSessionInfo, VerifyProblem
from desktop.ui.sentences import say
from desktop.ui.theme import tone_text

if TYPE_CHECKING:  # certs imports cryptography (~20 ms): only when a certificate is shown
    from desktop.core.net.certs import CertificateInfo

__all__ = ["CertificateDialog", "SessionBrowser", "session_html"]


def session_html(info: TlsSessionInfo, palette: QPalette | None = None) -> str:
    """A readable HTML summary of a TLS session (used by the workbench and the composer).

    Good and bad outcomes are in the success and error tones of ``palette`` (the
    application's when None), readable on its base colour.
    """
    palette = palette if palette is not None else QGuiApplication.palette()
    good = f"color:{tone_text(palette, 'success').name()}"
    bad = f"color:{tone_text(palette, 'error').name()}"
    none = QCoreApplication.translate("CertificateView", "none")
    alpn = QCoreApplication.translate("CertificateView", "ALPN: {alpn}").format(
        alpn=info.alpn or none
    )
    sni = QCoreApplication.translate("CertificateView", "SNI sent: {name}").format(
        name=info.server_name_sent or none
    )
    rows = [
        f"<h3>{html.escape(info.version)} · {html.escape(info.cipher)}</h3>",
        f"<p>{html.escape(alpn)} · {html.escape(sni)}</p>",
        _verification_html(info, good, bad),
    ]
    if info.peer_chain:
        sent = QCoreApplication.translate(
            "CertificateView", "Certificates sent by the peer: {count} (leaf first)."
        ).format(count=len(info.peer_chain))
    else:
        sent = QCoreApplication.translate("CertificateView", "The peer sent no certificate.")
    rows.append(f"<p>{html.escape(sent)}</p>")
    for depth, cert in enumerate(info.peer_chain):
        problems = [p for p in info.verify_problems if p.depth == depth]
        rows.append(_certificate_html(depth, cert, problems, bad))
    for offset, cert in enumerate(info.verified_chain[len(info.peer_chain) :]):
        depth = len(info.peer_chain) + offset
        rows.append(_certificate_html(depth, cert, [], bad, from_store=True))
    return "".join(rows)


def _verification_html(info: TlsSessionInfo, good: str, bad: str) -> str:
    if info.verified is None:
        text = QCoreApplication.translate("CertificateView", "Verification: not reported.")
        return f"<p>{html.escape(text)}</p>"
    if info.verified:
        text = QCoreApplication.translate(
            "CertificateView", "Verified: the chain and the name are trusted."
        )
        return f"<p style='{good}'><b>{html.escape(text)}</b></p>"
    if info.verification_required:
        head = QCoreApplication.translate(
            "CertificateView",
            "Verification failed; the connection was closed before the request was sent.",
        )
    else:
        head = QCoreApplication.translate(
            "CertificateView", "Verification is off; it would have failed."
        )
    items = "".join(
        f"<li>{html.escape(say(problem.sentence))}</li>" for problem in info.verify_problems
    )
    return f"<p style='{bad}'><b>{html.escape(head)}</b></p><ul>{items}</ul>"


def _certificate_html(
    depth: int,
    cert: CertificateInfo,
    problems: list[VerifyProblem],
    bad: str,
    *,
    from_store: bool = False,
) -> str:
    if depth == 0:
        role = QCoreApplication.translate("CertificateView", "Leaf")
    else:
        role = QCoreApplication.translate("CertificateView", "Issuer {depth}").format(depth=depth)
    if cert.self_signed:
        role += " " + QCoreApplication.translate("CertificateView", "(self-signed)")
    if from_store:
        role += " " + QCoreApplication.translate(
            "CertificateView", "(from the trust store, not sent)"
        )
    valid = f"{cert.not_before:%Y-%m-%d %H:%M} → {cert.not_after:%Y-%m-%d %H:%M} UTC"
    rows = [
        (QCoreApplication.translate("CertificateView", "Subject"), cert.subject, ""),
        (QCoreApplication.translate("CertificateView", "Issuer"), cert.issuer, ""),
        (QCoreApplication.translate("CertificateView", "Valid"), valid, ""),
        (QCoreApplication.translate("CertificateView", "Names"), ", ".join(cert.sans) or "—", ""),
        (QCoreApplication.translate("CertificateView", "Serial"), cert.serial, ""),
        ("SHA-256", cert.sha256, ""),
    ]
    problem = QCoreApplication.translate("CertificateView", "Problem")
    rows += [(problem, say(p.reason), bad) for p in problems]
    cells = "".join(
        f"<tr><td><b>{html.escape(label)}</b></td>"
        f"<td style='{style}'>{html.escape(value)}</td></tr>"
        for label, value, style in rows
    )
    return f"<h4>{html.escape(role)}</h4><table>{cells}</table>"


class SessionBrowser(QTextBrowser):
    """Shows ``session_html`` of a TLS session, drawn again in the new colours on a theme change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: TlsSessionInfo | None = None

    def show_session(self, info: TlsSessionInfo) -> None:
        """Show ``info`` in the colours of the palette now."""
        self.session = info
        self.setHtml(session_html(info, self.palette()))

    def setPlainText(self, text: str) -> None:
        self.session = None
        super().setPlainText(text)

    def clear(self) -> None:
        self.session = None
        super().clear()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.session is not None:
            position = self.verticalScrollBar().value()
            self.setHtml(session_html(self.session, self.palette()))
            self.verticalScrollBar().setValue(position)


class CertificateDialog(QDialog):
    """Non-modal dialog with ``session_html``."""

    def __init__(self, info: TlsSessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("TLS session"))
        self.resize(640, 480)
        view = SessionBrowser()
        view.show_session(info)
        self.view = view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
