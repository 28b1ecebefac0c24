"""``python -m bench``: run every benchmark in turn."""

from bench import tcp_receive

for bench in (tcp_receive,):
    bench.main([])
    print()
