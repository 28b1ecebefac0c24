"""SocketDesk: socket workbench, LAN messenger and raw HTTP composer."""

__version__ = "0.1.0"
__all__ = ["__version__"]
