"""TLS options of a client session: verification, SNI (also for an address), CA file, client
certificate, ALPN, legacy versions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.core.net.tls import TlsClientOptions

__all__ = ["TlsClientDialog"]


class TlsClientDialog(QDialog):
    """Edit ``TlsClientOptions``; ``options()`` gives the result."""

    def __init__(self, options: TlsClientOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("TLS options"))
        self.verify_check = QCheckBox(self.tr("Verify the server's certificate and name"))
        self.verify_check.setChecked(options.verify)
        self.sni_edit = QLineEdit(options.server_name or "")
        self.sni_edit.setPlaceholderText(self.tr("the host name (default)"))
        self.sni_address_check = QCheckBox(self.tr("Send an IP address in SNI too"))
        self.sni_address_check.setToolTip(
            self.tr("RFC 6066 allows only host names in SNI; some servers want the address.")
        )
        self.sni_address_check.setChecked(options.sni_for_addresses)
        self.legacy_check = QCheckBox(self.tr("Allow TLS 1.0 and 1.1 (old servers)"))
        self.legacy_check.setChecked(options.legacy_tls)
        self.ca_edit = self._file_row(options.ca_file)
        self.cert_edit = self._file_row(options.cert_file)
        self.key_edit = self._file_row(options.key_file)
        self.alpn_edit = QLineEdit(",".join(options.alpn))
        self.alpn_edit.setPlaceholderText("http/1.1")
        form = QFormLayout(self)
        form.addRow(self.verify_check)
        form.addRow(self.tr("Server name (SNI)"), self.sni_edit)
        form.addRow(self.sni_address_check)
        form.addRow(self.legacy_check)
        form.addRow(self.tr("Trusted CA file"), self.ca_edit.parentWidget())
        form.addRow(self.tr("Client certificate"), self.cert_edit.parentWidget())
        form.addRow(self.tr("Client key"), self.key_edit.parentWidget())
        form.addRow(self.tr("ALPN protocols"), self.alpn_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _file_row(self, value: str | None) -> QLineEdit:
        row = QWidget()
        edit = QLineEdit(value or "")
        browse = QPushButton(self.tr("Browse…"))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        layout.addWidget(browse)

        def pick() -> None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a PEM file"))
            if path:
                edit.setText(path)

        browse.clicked.connect(pick)
        return edit

    def options(self) -> TlsClientOptions:
        """The options as edited."""
        alpn = tuple(p.strip() for p in self.alpn_edit.text().split(",") if p.strip())
        return TlsClientOptions(
            verify=self.verify_check.isChecked(),
            server_name=self.sni_edit.text().strip() or None,
            ca_file=self.ca_edit.text().strip() or None,
            cert_file=self.cert_edit.text().strip() or None,
            key_file=self.key_edit.text().strip() or None,
            alpn=alpn,
            sni_for_addresses=self.sni_address_check.isChecked(),
            legacy_tls=self.legacy_check.isChecked(),
        )
