"""The baseline of `npm run bench -- jobs`: the round trip of a no-op Ray task on the same cluster, from a driver
already connected (so what is left is Ray's own scheduling and RPCs). Prints {"p50", "min", "max", "n"} in seconds."""

from __future__ import annotations

import json
import statistics
import sys
import time

import ray


def main() -> None:
    ray.init(address=sys.argv[1], logging_level="ERROR", log_to_driver=False)

    @ray.remote(num_cpus=0)
    def noop() -> None:
        return None

    ray.get(noop.remote())  # the worker process's start is not the round trip
    times = []
    for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 20):
        t0 = time.perf_counter()
        ray.get(noop.remote())
        times.append(time.perf_counter() - t0)
    print(json.dumps({"p50": statistics.median(times), "min": min(times), "max": max(times), "n": len(times)}))


if __name__ == "__main__":
    main()
