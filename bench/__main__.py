"""``python -m bench``: run every benchmark in turn (each prints its own table)."""

from bench import (
    gui_flood,
    http_hostile,
    http_keepalive,
    http_timings,
    http_tls,
    ipmsg_node,
    periodic_send,
    tcp_clients,
    tcp_receive,
    tcp_server_receive,
)

for bench in (
    tcp_receive,
    tcp_server_receive,
    tcp_clients,
    periodic_send,
    gui_flood,
    http_keepalive,
    http_timings,
    http_tls,
    http_hostile,
    ipmsg_node,
):
    bench.main([])
    print()
