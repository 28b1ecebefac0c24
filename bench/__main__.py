"""``python -m bench``: run every benchmark in turn (each prints its own table)."""

from bench import (
    gui_batch,
    gui_flood,
    http_hostile,
    http_keepalive,
    http_large_response,
    http_race,
    http_timings,
    http_tls,
    ipmsg_flood,
    ipmsg_iptux_roundtrip,
    ipmsg_node,
    ipmsg_roster,
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
    gui_batch,
    http_keepalive,
    http_timings,
    http_large_response,
    http_race,
    http_tls,
    http_hostile,
    ipmsg_node,
    ipmsg_iptux_roundtrip,
    ipmsg_roster,
    ipmsg_flood,
):
    bench.main([])
    print()
