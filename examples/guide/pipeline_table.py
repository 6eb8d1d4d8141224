#!/usr/bin/python3
"""The guide's pipeline headline on zmx: the same batch of 100 tasks (1 to
100 msecs each, one seed for all runs) through 1, 2 and 4 workers, and the
time the sink measured for each.

    pipeline_table.py <bin/guide directory> [seed]
"""

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
        return cost, elapsed_msecs(sink)


def main():
    bin_dir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    print("| workers | expected cost | elapsed (zmx) | speed-up | elapsed (guide) |")
    print("|---|---|---|---|---|")
    single = None
    for workers in (1, 2, 4):
        cost, elapsed = run_batch(bin_dir, workers, seed)
        single = single or elapsed
        print(f"| {workers} | {cost} msec | {elapsed} msec | {single / elapsed:.2f}x | {GUIDE_MSECS[workers]} msec |",
              flush=True)


if __name__ == "__main__":
    main()
