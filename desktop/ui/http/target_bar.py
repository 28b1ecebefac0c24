"""Where the composer connects: host, port, TLS and its options, timeouts.

The target is independent of the request's Host header on purpose: a request can carry any
Host while it is sent to an address chosen here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from desktop.core.errors import TlsError
from desktop.core.http.curl import CurlImport
from desktop.core.http.exchange import HttpTarget
from desktop.core.http.redirect import Endpoint
from desktop.core.http.snippet import ExportOptions
from desktop.core.net.tls import TlsClientOptions
from desktop.core.net.tls_chain import openssl_client_context
from desktop.ui.sentences import say

__all__ = ["TargetBar", "check_tls_files"]

_DEFAULT_PORTS = {False: 80, True: 443}


def check_tls_files(ca_file: str | None, cert_file: str | None, key_file: str | None) -> str | None:
    """A sentence about the first CA, certificate or key file that cannot be used, else None."""
    for path, what in (
        (ca_file, QCoreApplication.translate("TargetBar", "The CA file {path} does not exist.")),
        (
            cert_file,
            QCoreApplication.translate(
                "TargetBar", "The client certificate {path} does not exist."
            ),
        ),
        (key_file, QCoreApplication.translate("TargetBar", "The key {path} does not exist.")),
    ):
        if path and not Path(path).is_file():
            return what.format(path=path)
    if key_file and not cert_file:
        return QCoreApplication.translate("TargetBar", "A key file needs its client certificate.")
    try:
        if ca_file:
            openssl_client_context(TlsClientOptions(verify=True, ca_file=ca_file))
        if cert_file:
            openssl_client_context(
                TlsClientOptions(verify=False, cert_file=cert_file, key_file=key_file)
            )
    except TlsError as error:
        return say(error)
    return None


def _mtime(path: str | None) -> int | None:
    try:
        return Path(path).stat().st_mtime_ns if path else None
    except OSError:
        return None


class TargetBar(QWidget):
    """Host, port, TLS on/off and the TLS options, timeouts.

    Signals:
        problem_changed(str): a sentence about the files chosen, or "" when they are usable.
    """

    problem_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host_edit = QLineEdit("localhost")
        self.host_edit.setPlaceholderText(self.tr("Host"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(80)
        self.tls_check = QCheckBox(self.tr("TLS"))
        self.verify_check = QCheckBox(self.tr("Verify certificate"))
        self.verify_check.setChecked(True)
        self.sni_edit = QLineEdit()
        self.sni_edit.setPlaceholderText(self.tr("SNI (default: host)"))
        self.sni_ip_check = QCheckBox(self.tr("SNI for IP addresses"))
        self.sni_ip_check.setToolTip(
            self.tr("Send the address in SNI too (RFC 6066 allows names only)")
        )
        self.legacy_check = QCheckBox(self.tr("Legacy TLS 1.0/1.1"))
        self.legacy_check.setToolTip(
            self.tr("Allow TLS 1.0 and 1.1 and weak ciphers, for old servers and devices")
        )
        self.alpn_check = QCheckBox(self.tr("ALPN http/1.1"))
        self.ca_edit = self._path_edit(self.tr("CA file (PEM)"))
        self.cert_edit = self._path_edit(self.tr("Client certificate (PEM)"))
        self.key_edit = self._path_edit(self.tr("Key (PEM, if not in the certificate)"))
        # Each field names its file (placeholder); the button beside it only browses for it.
        self.ca_button = self._browse_button(self.tr("Choose the CA file…"))
        self.cert_button = self._browse_button(self.tr("Choose the client certificate…"))
        self.key_button = self._browse_button(self.tr("Choose the key file…"))
        self.connect_timeout = self._seconds(10.0)
        self.read_timeout = self._seconds(30.0)
        self.total_timeout = self._seconds(0.0)
        self.total_timeout.setSpecialValueText(self.tr("none"))
        self._checked: tuple[tuple[tuple[str | None, int | None], ...], str | None] | None = None
        self._build()
        self.tls_check.toggled.connect(self._update_state)
        self.tls_check.toggled.connect(self._tls_toggled)
        self.ca_button.clicked.connect(self._choose_ca)
        self.cert_button.clicked.connect(self._choose_cert)
        self.key_button.clicked.connect(self._choose_key)
        for edit in (self.ca_edit, self.cert_edit, self.key_edit):
            edit.editingFinished.connect(self.validate_files)
        self._update_state()

    @staticmethod
    def _browse_button(tip: str) -> QToolButton:
        button = QToolButton()
        button.setText("…")
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("Host")))
        first.addWidget(self.host_edit, 3)
        first.addWidget(QLabel(self.tr("Port")))
        first.addWidget(self.port_spin)
        first.addWidget(self.tls_check)
        first.addWidget(self.verify_check)
        first.addWidget(self.sni_edit, 2)
        second = QHBoxLayout()
        second.addWidget(self.sni_ip_check)
        second.addWidget(self.alpn_check)
        second.addWidget(self.legacy_check)
        for button, edit in (
            (self.ca_button, self.ca_edit),
            (self.cert_button, self.cert_edit),
            (self.key_button, self.key_edit),
        ):
            edit.setMinimumWidth(60)  # the path shrinks before the window must grow
            second.addWidget(edit, 1)
            second.addWidget(button)
        timeouts = QHBoxLayout()
        for label, spin in (
            (self.tr("Connect timeout"), self.connect_timeout),
            (self.tr("Read timeout"), self.read_timeout),
            (self.tr("Total timeout"), self.total_timeout),
        ):
            timeouts.addWidget(QLabel(label))
            timeouts.addWidget(spin)
        timeouts.addStretch(1)
        grid.addLayout(first, 0, 0)
        grid.addLayout(second, 1, 0)
        grid.addLayout(timeouts, 2, 0)

    def _path_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _seconds(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0.0, 3600.0)
        spin.setDecimals(1)
        spin.setSuffix(self.tr(" s"))
        spin.setValue(value)
        return spin

    # -- reading and writing ---------------------------------------------------------------------
    def tls_options(self) -> TlsClientOptions:
        """The TLS options as set (used only when TLS is on)."""
        options = TlsClientOptions(
            verify=self.verify_check.isChecked(),
            ca_file=self.ca_edit.text().strip() or None,
            cert_file=self.cert_edit.text().strip() or None,
            key_file=self.key_edit.text().strip() or None,
            alpn=("http/1.1",) if self.alpn_check.isChecked() else (),
            sni_for_addresses=self.sni_ip_check.isChecked(),
            legacy_tls=self.legacy_check.isChecked(),
        )
        return options

    def target(self) -> HttpTarget:
        """Where and how to connect, as the bar says."""
        tls = self.tls_check.isChecked()
        total = self.total_timeout.value()
        return HttpTarget(
            self.host_edit.text().strip(),
            self.port_spin.value(),
            tls=self.tls_options() if tls else None,
            sni_override=(self.sni_edit.text().strip() or None) if tls else None,
            connect_timeout=max(0.1, self.connect_timeout.value()),
            read_timeout=max(0.1, self.read_timeout.value()),
            total_timeout=total or None,
        )

    def endpoint(self) -> Endpoint:
        """Host, port and TLS, for redirects and cookies."""
        return Endpoint(
            self.host_edit.text().strip(), self.port_spin.value(), self.tls_check.isChecked()
        )

    def host_header(self) -> str:
        """The Host header's value for the target: ``host``, with ``:port`` unless default."""
        host, port = self.host_edit.text().strip() or "localhost", self.port_spin.value()
        shown = f"[{host}]" if ":" in host else host
        return shown if port == _DEFAULT_PORTS[self.tls_check.isChecked()] else f"{shown}:{port}"

    def set_endpoint(self, host: str, port: int, tls: bool) -> None:
        """Point the bar at ``host``:``port`` (TLS or not)."""
        self.host_edit.setText(host)
        self.tls_check.setChecked(tls)
        self.port_spin.setValue(port)

    def export_options(self, follow_redirects: bool, max_redirects: int) -> ExportOptions:
        """The settings an exported curl command or Python script should carry."""
        target = self.target()
        tls = target.tls
        return ExportOptions(
            ca_file=tls.ca_file if tls else None,
            cert_file=tls.cert_file if tls else None,
            key_file=tls.key_file if tls else None,
            sni=target.sni_override,
            connect_timeout=target.connect_timeout,
            max_time=target.total_timeout,
            follow_redirects=follow_redirects,
            max_redirects=max_redirects,
        )

    def apply_curl(self, imported: CurlImport) -> None:
        """Take the target, TLS files and timeouts of an imported curl command."""
        self.set_endpoint(imported.host, imported.port, imported.tls)
        self.verify_check.setChecked(not imported.insecure)
        self.ca_edit.setText(imported.ca_file or "")
        self.cert_edit.setText(imported.cert_file or "")
        self.key_edit.setText(imported.key_file or "")
        if imported.connect_timeout:
            self.connect_timeout.setValue(imported.connect_timeout)
        self.total_timeout.setValue(imported.max_time or 0.0)

    def problem(self) -> str | None:
        """Why nothing can be sent to the target as set, or None."""
        if not self.host_edit.text().strip():
            return self.tr("Type a host to connect to.")
        if self.tls_check.isChecked():
            return self.validate_files()
        return None

    @Slot()
    def validate_files(self) -> str | None:
        """Check the CA, certificate and key files; ``problem_changed`` says the outcome."""
        paths = (
            self.ca_edit.text().strip() or None,
            self.cert_edit.text().strip() or None,
            self.key_edit.text().strip() or None,
        )
        # Loading the files (and the system's CAs) takes ~10 ms: checked again only when a
        # path or a file changed.
        key = tuple((path, _mtime(path)) for path in paths)
        if self._checked is None or self._checked[0] != key:
            self._checked = (key, check_tls_files(*paths))
        problem = self._checked[1]
        self.problem_changed.emit(problem or "")  # the page's banner shows it
        return problem

    # -- slots -----------------------------------------------------------------------------------
    def _choose(self, edit: QLineEdit, title: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, title, edit.text(), self.tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)")
        )
        if path:
            edit.setText(path)
            self.validate_files()

    @Slot()
    def _choose_ca(self) -> None:
        self._choose(self.ca_edit, self.tr("Choose the CA file"))

    @Slot()
    def _choose_cert(self) -> None:
        self._choose(self.cert_edit, self.tr("Choose the client certificate"))

    @Slot()
    def _choose_key(self) -> None:
        self._choose(self.key_edit, self.tr("Choose the client key"))

    @Slot(bool)
    def _tls_toggled(self, tls: bool) -> None:
        """Follow the scheme's default port when the port was the other default."""
        if self.port_spin.value() == _DEFAULT_PORTS[not tls]:
            self.port_spin.setValue(_DEFAULT_PORTS[tls])

    @Slot()
    def _update_state(self) -> None:
        tls = self.tls_check.isChecked()
        for widget in (
            self.verify_check,
            self.sni_edit,
            self.alpn_check,
            self.legacy_check,
            self.sni_ip_check,
            self.ca_edit,
            self.cert_edit,
            self.key_edit,
            self.ca_button,
            self.cert_button,
            self.key_button,
        ):
            widget.setEnabled(tls)
        if not tls:
            self.problem_changed.emit("")  # the files do not matter without TLS
