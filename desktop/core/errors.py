"""Typed errors of the core.

Every error carries its facts as attributes and a ``Sentence`` (``error.sentence``): ``str(error)``
is the English sentence (the CLI prints it), and the UI shows ``error.sentence`` translated
(``desktop/ui/sentences.py``). Errors cross threads as themselves, never as ``str(error)``.
"""

from __future__ import annotations

from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "ANY_ADDRESS",
    "AddressInUse",
    "BadEscapeInput",
    "BadFieldInput",
    "BadHexInput",
    "ConnectError",
    "ConnectRefused",
    "ConnectTimeout",
    "InputError",
    "ListenError",
    "NetError",
    "NotConnected",
    "PermissionDenied",
    "SaveError",
    "SocketDeskError",
    "StoreError",
    "TlsError",
    "UnencodableInput",
    "UnknownHost",
    "hostport",
]


class SocketDeskError(Exception):
    """Base of every error the core raises on purpose.

    Args:
        message: the sentence for the user (a plain ``str`` is shown as it is, untranslated:
            only for text that is not ours, such as a peer's own words).
    """

    def __init__(self, message: Sentence | str) -> None:
        self.sentence = (
            message if isinstance(message, Sentence) else Sentence("{text}", (("text", message),))
        )
        super().__init__(str(self.sentence))


class NetError(SocketDeskError):
    """A network operation failed."""


class ConnectError(NetError):
    """A connection could not be made.

    Args:
        host: the host the user asked for.
        port: the port the user asked for.
        detail: what went wrong, as a short clause.
    """

    def __init__(self, host: str, port: int, detail: Sentence | str) -> None:
        self.host = host
        self.port = port
        self.detail = detail
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP("core", "Could not connect to {address}: {detail}."),
                address=hostport(host, port),
                detail=detail,
            )
        )


class ConnectRefused(ConnectError):
    """Nothing listens on the port (the peer answered with a reset)."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            host,
            port,
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "the connection was refused (is a server listening there?)"
                )
            ),
        )


class ConnectTimeout(ConnectError):
    """No answer within the connect timeout."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.timeout = timeout
        super().__init__(
            host,
            port,
            sentence(
                QT_TRANSLATE_NOOP("core", "no answer within {seconds} s"), seconds=f"{timeout:g}"
            ),
        )


class UnknownHost(ConnectError):
    """The host name could not be resolved to an address."""

    def __init__(self, host: str, port: int, detail: Sentence | str = "") -> None:
        self.reason = detail
        why = (
            sentence(
                QT_TRANSLATE_NOOP("core", "the host name is unknown ({reason})"), reason=detail
            )
            if detail
            else sentence(QT_TRANSLATE_NOOP("core", "the host name is unknown"))
        )
        super().__init__(host, port, why)


class AddressInUse(NetError):
    """A local address and port are already taken by another socket.

    Args:
        owner: the program holding it (``iptux (pid 77)``), when the system said (None: unknown).
    """

    def __init__(self, host: str, port: int, owner: str | None = None) -> None:
        self.host = host
        self.port = port
        self.owner = owner
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP("core", "{address} is already in use by {owner}."),
                address=_where(host, port),
                owner=owner,
            )
            if owner
            else sentence(
                QT_TRANSLATE_NOOP("core", "{address} is already in use by another program."),
                address=_where(host, port),
            )
        )


class ListenError(NetError):
    """A server could not start listening."""


class PermissionDenied(ListenError):
    """The address or port needs rights the program does not have (e.g. a port below 1024)."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        template = (
            QT_TRANSLATE_NOOP(
                "core",
                "No permission to listen on {address}"
                " (ports below 1024 need administrator rights).",
            )
            if 0 < port < 1024
            else QT_TRANSLATE_NOOP("core", "No permission to listen on {address}.")
        )
        super().__init__(sentence(template, address=_where(host, port)))


class TlsError(NetError):
    """A TLS handshake or configuration failed; the message says why in plain words."""


class NotConnected(NetError):
    """An operation needs a connection and there is none."""

    def __init__(self) -> None:
        super().__init__(sentence(QT_TRANSLATE_NOOP("core", "Not connected.")))


# The host of a listener on every address (IPv4 and IPv6), as the listening code names it.
ANY_ADDRESS = "any address"


def _where(host: str, port: int) -> Sentence | str:
    """``host:port``, or a translatable "port N on any address" for a dual-stack listener."""
    if host == ANY_ADDRESS:
        return sentence(QT_TRANSLATE_NOOP("core", "port {port} on any address"), port=port)
    return hostport(host, port)


def hostport(host: str, port: int) -> str:
    """``host:port``, with brackets around an IPv6 address."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class InputError(SocketDeskError):
    """Text typed for sending could not be turned into bytes.

    Attributes:
        position: index in the typed text where the problem starts.
        length: how many characters the problem spans (at least 1), for highlighting.
    """

    def __init__(self, message: Sentence | str, position: int, length: int = 1) -> None:
        self.position = position
        self.length = max(1, length)
        super().__init__(message)


class BadHexInput(InputError):
    """Hex input with a character that is not a hex digit, or an odd number of digits."""


class BadEscapeInput(InputError):
    """An unknown or incomplete backslash escape."""


class BadFieldInput(InputError):
    """An unknown or malformed ``{{field}}``."""


class UnencodableInput(InputError):
    """A character that the chosen encoding cannot represent."""


class SaveError(SocketDeskError):
    """Writing received data or an export to disk failed (disk full, no permission…)."""


class StoreError(SocketDeskError):
    """The local database could not be read or written."""
