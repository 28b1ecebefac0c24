"""``python -m bench``: run every benchmark in turn (each prints its own table).

``make bench`` runs this with ``SOCKETDESK_GRAPH_PYTHON`` set to a venv that has QtCharts and
pyqtgraph (``bench.rate_graph``'s other candidates, not the app's dependencies).
"""

import os
import sys

from bench import (
    gui_batch,
    gui_flood,
    http_hostile,
    http_keepalive,
    http_large_response,
    http_race,
    http_reader,
    http_timings,
    http_tls,
    ipmsg_files,
    ipmsg_files_gui,
    ipmsg_flood,
    ipmsg_iptux_roundtrip,
    ipmsg_node,
    ipmsg_roster,
    periodic_send,
    rate_graph,
    startup,
    tcp_clients,
    tcp_receive,
    tcp_server_receive,
    udp_generator,
    udp_gui_flood,
    udp_receive,
)

for bench in (
    tcp_receive,
    tcp_server_receive,
    tcp_clients,
    periodic_send,
    udp_receive,
    udp_generator,
    udp_gui_flood,
    rate_graph,
    gui_flood,
    gui_batch,
    http_keepalive,
    http_timings,
    http_large_response,
    http_race,
    http_tls,
    http_reader,
    http_hostile,
    ipmsg_node,
    ipmsg_iptux_roundtrip,
    ipmsg_roster,
    ipmsg_flood,
    ipmsg_files,
    ipmsg_files_gui,
    startup,
):
    if bench is rate_graph:
        bench.main(["--python", os.environ.get("SOCKETDESK_GRAPH_PYTHON", sys.executable)])
    else:
        bench.main([])
    print()
