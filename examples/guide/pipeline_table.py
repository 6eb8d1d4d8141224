#!/usr/bin/python3
"""The guide's pipeline headline: the same batch of 100 tasks (1 to 100
msecs each, one seed for all runs) through 1, 2 and 4 workers, and the time
the sink measured for each. The busiest worker's share of the work is the
least the batch can take: the ventilator deals tasks out in turn, whatever
their size.

    pipeline_table.py <bin/guide directory> [seed]
"""

import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from guide_run import Run, elapsed_msecs
from scenarios import check_batch, start_pipeline

GUIDE_MSECS = {1: 5034, 2: 2421, 4: 1018}


def run_batch(bin_dir, workers, seed):
    with Run(bin_dir) as run:
        sink, crew, ventilator = start_pipeline(run, workers, most_msecs=100, seed=seed)
        check_batch(sink, crew, ventilator)
        for worker in crew:
            worker.interrupt()
        cost = int(ventilator.wait_for(r"Total expected cost: (\d+) msec").group(1))
        busiest = max(sum(map(int, re.findall(r"(\d+)\.", worker.output))) for worker in crew)
        return cost, busiest, elapsed_msecs(sink)


def main():
    bin_dir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    print("| workers | total work | busiest worker's work | elapsed | speed-up | elapsed in the guide |")
    print("|---|---|---|---|---|---|")
    single = None
    for workers in (1, 2, 4):
        cost, busiest, elapsed = run_batch(bin_dir, workers, seed)
        single = single or elapsed
        print(f"| {workers} | {cost} msec | {busiest} msec | {elapsed} msec | {single / elapsed:.2f}x "
              f"| {GUIDE_MSECS[workers]} msec |", flush=True)


if __name__ == "__main__":
    main()
