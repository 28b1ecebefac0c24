"""Shows a TLS session: version, cipher, ALPN and every certificate the peer sent."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.net.tls import TlsSessionInfo

__all__ = ["CertificateDialog", "session_html"]


def session_html(info: TlsSessionInfo) -> str:
    """A readable HTML summary of a TLS session."""
    rows = [
        f"<h3>{html.escape(info.version)} · {html.escape(info.cipher)}</h3>",
        f"<p>ALPN: {html.escape(info.alpn or '—')}</p>",
    ]
    for number, cert in enumerate(info.peer_chain):
        role = "Leaf" if number == 0 else f"Issuer {number}"
        sans = ", ".join(cert.sans) or "—"
        rows.append(
            f"<h4>{role}{' (self-signed)' if cert.self_signed else ''}</h4><table>"
            f"<tr><td><b>Subject</b></td><td>{html.escape(cert.subject)}</td></tr>"
            f"<tr><td><b>Issuer</b></td><td>{html.escape(cert.issuer)}</td></tr>"
            f"<tr><td><b>Valid</b></td><td>{cert.not_before:%Y-%m-%d %H:%M} → "
            f"{cert.not_after:%Y-%m-%d %H:%M} UTC</td></tr>"
            f"<tr><td><b>Names</b></td><td>{html.escape(sans)}</td></tr>"
            f"<tr><td><b>Serial</b></td><td>{cert.serial}</td></tr>"
            f"<tr><td><b>SHA-256</b></td><td><code>{cert.sha256}</code></td></tr></table>"
        )
    return "".join(rows)


class CertificateDialog(QDialog):
    """Non-modal dialog with ``session_html``."""

    def __init__(self, info: TlsSessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("TLS session"))
        self.resize(640, 480)
        view = QTextBrowser()
        view.setHtml(session_html(info))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
