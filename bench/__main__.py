"""``python -m bench``: run every benchmark in turn, each in a process of its own (each prints
its own table), so that none inherits another's heap, threads or Qt objects: a GUI bench's RSS
"before" and its stalls are its own.

``make bench`` runs this with ``SOCKETDESK_GRAPH_PYTHON`` set to a venv that has QtCharts and
pyqtgraph (``bench.rate_graph``'s other candidates, not the app's dependencies).
``python -m bench NAME …`` runs only the benches named.
"""

import os
import subprocess
import sys

BENCHES = (
    "tcp_receive",
    "tcp_server_receive",
    "tcp_clients",
    "periodic_send",
    "udp_receive",
    "udp_generator",
    "udp_gui_flood",
    "rate_graph",
    "gui_flood",
    "gui_batch",
    "http_keepalive",
    "http_engine",
    "http_timings",
    "http_large_response",
    "http_race",
    "http_tls",
    "http_reader",
    "http_hostile",
    "ipmsg_node",
    "ipmsg_iptux_roundtrip",
    "ipmsg_roster",
    "ipmsg_flood",
    "ipmsg_files",
    "ipmsg_files_gui",
    "startup",
)


def main(names: list[str]) -> int:
    """Run the benches named (all when none); the exit status is the first failure's."""
    unknown = sorted(set(names) - set(BENCHES))
    if unknown:
        print(f"unknown bench(es): {', '.join(unknown)}; known: {', '.join(BENCHES)}")
        return 2
    failed = 0
    for name in names or BENCHES:
        extra = []
        if name == "rate_graph":
            extra = ["--python", os.environ.get("SOCKETDESK_GRAPH_PYTHON", sys.executable)]
        done = subprocess.run([sys.executable, "-m", f"bench.{name}", *extra], check=False)
        if done.returncode != 0:
            print(f"bench.{name} failed (exit {done.returncode})")
            failed = failed or done.returncode
        print(flush=True)
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
