"""The LAN messenger workspace (IP Messenger / FeiQ / iptux)."""
