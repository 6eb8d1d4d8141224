#!/usr/bin/python3
"""The guide's own 2.x programs on zmx: takes the complete C programs out of
the seed's text (extract_seed.py), compiles each unchanged but for loopback
endpoints with -DZMX_API_V2 against zmx, and runs them together as the
guide describes, with zmx's examples (examples/guide) as the programs the
seed does not print:

  msreader  reads the ventilator's tasks and the weather server's updates
  taskwork  two of them do a ventilator's batch for the seed's tasksink,
  tasksink  which ends them with its KILL
  wuproxy   forwards the weather server's updates to a subscriber

The endless loops are bounded by guide_harness.h, force-included: an alarm
as a safety net, and a receive quota that ends msreader. The test is
skipped (status 77) when the seed is not beside the repository.
"""

import argparse
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "examples", "guide")  # zhelpers.h, guide_run.py
sys.path.insert(0, EXAMPLES)

from extract_seed import extract_programs  # noqa: E402
from guide_run import Run, expect  # noqa: E402

SKIPPED = 77


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", required=True, help="004-zguide-intermediate.txt")
    parser.add_argument("--cc", required=True, help="the C compiler")
    parser.add_argument("--include", required=True, help="zmx's include directory")
    parser.add_argument("--libdir", required=True, help="the directory of zmx's libzmq.so")
    parser.add_argument("--examples", required=True, help="the built examples, bin/guide")
    parser.add_argument("--work", required=True, help="where the programs are written and built")
    parser.add_argument("--sanitize", default="", help="the sanitizers zmx is built with")
    return parser.parse_args()


def build(args, name, source):
    """Writes and compiles one program; returns the executable's path."""
    path = os.path.join(args.work, f"{name}.c")
    with open(path, "w") as out:
        out.write(source)
    executable = os.path.join(args.work, name)
    command = [args.cc, "-std=gnu11", "-DZMX_API_V2", f"-I{args.include}", f"-I{EXAMPLES}",
               "-include", os.path.join(HERE, "guide_harness.h"), path, "-o", executable,
               f"-L{args.libdir}", "-lzmq", f"-Wl,-rpath,{args.libdir}", "-pthread"]
    if args.sanitize:
        command[1:1] = [f"-fsanitize={args.sanitize}", "-fno-omit-frame-pointer"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{name} does not compile:\n$ {' '.join(command)}\n{result.stdout}{result.stderr}")
    return executable


def seed_environment(**settings):
    """The guide's programs end without closing what they opened, as the
    guide's 2.x sources do: leak reports about that are not zmx's."""
    env = dict(os.environ, **settings)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    return env


def msreader(run, seed):
    weather = run.start("wuserver")
    run.start("tasksink", "-n", 0)  # takes the ventilator's start-of-batch
    reader = run.start(seed["msreader"], env=seed_environment(GUIDE_QUOTA="100,1"))
    ventilator = run.start("taskvent", "-n", 100, "-m", 1, "-w", 1)
    ventilator.expect_success()
    reader.expect_success()
    received = reader.wait_for(r"^guide harness: received (\d+) (\d+)$")
    expect(int(received.group(1)) == 100, "msreader read the 100 tasks")
    expect(int(received.group(2)) >= 1, "msreader read weather for 10001")
    weather.interrupt()


def pipeline_with_kill(run, seed):
    sink = run.start(seed["tasksink"], env=seed_environment())
    workers = [run.start(seed["taskwork"], label=f"taskwork {n}", env=seed_environment()) for n in range(2)]
    # The seed's workers read a workload with sscanf: it must end in a NUL.
    ventilator = run.start("taskvent", "-n", 100, "-m", 5, "-w", 2, "-c")
    ventilator.expect_success()
    sink.expect_success()
    sink.wait_for(r"^(:\.{9}){10}Total elapsed time: \d+ msec\n")
    for worker in workers:
        worker.expect_success()  # the sink's KILL ended it
    done = sum(worker.output.count(".") for worker in workers)
    expect(done == 100, f"the workers did {done} tasks, not 100")
    expect(all(worker.output for worker in workers), "both workers got tasks")


def weather_proxy(run, seed):
    server = run.start("wuserver")
    proxy = run.start(seed["wuproxy"], env=seed_environment())
    client = run.start("wuclient", "-n", 10, "-e", "tcp://localhost:8100", "1000")
    client.expect_success()
    client.wait_for(r"^Average temperature for zipcode '1000' was -?\d+F$")
    expect(proxy.process.poll() is None, "the proxy still forwards")  # zmq_device never returns
    proxy.kill()
    server.interrupt()


def main():
    args = parse_arguments()
    if not os.path.exists(args.seed):
        print(f"skipped: the guide's text is not at {args.seed} (it lives beside the repository)")
        return SKIPPED
    with open(args.seed, encoding="utf-8") as seed_file:
        sources, rewrites = extract_programs(seed_file.read())
    for name, old, new in rewrites:
        print(f"{name}: {old} -> {new}")
    os.makedirs(args.work, exist_ok=True)
    seed = {name: build(args, name, source) for name, source in sources.items()}
    print(f"built the seed's programs: {', '.join(sorted(seed))}")

    for scenario in (msreader, pipeline_with_kill, weather_proxy):
        with Run(args.examples) as run:
            scenario(run, seed)
        print(f"{scenario.__name__}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
