#!/usr/bin/python3
"""The guide's examples, run together as the guide tells the reader to run
them, each in a bounded form, checking that they print what the guide
shows. One scenario per ctest:

    scenarios.py <bin/guide directory> <scenario>
"""

import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from guide_run import Run, expect, elapsed_msecs

# A workload the tests can afford: tasks of 1 to 5 msecs instead of 100.
QUICK_TASK_MSECS = 5


def hello(run):
    server = run.start("hwserver", "-n", 3, "-w", 0)
    client = run.start("hwclient", "-n", 3)
    client.expect_success()
    server.expect_success()
    expect(client.output.startswith("Connecting to hello world server...\n"), "client's greeting")
    for n in range(3):
        expect(f"Sending Hello {n}...\nReceived World {n}\n" in client.output, f"request {n}")
    expect(server.output == "Received Hello\n" * 3, "the server saw three requests")


def version(run):
    program = run.start("version")
    program.expect_success()
    expect(program.output == "Current ZeroMQ version is 4.3.4\n", "the version line")


def weather(run):
    server = run.start("wuserver")
    # Zipcodes 10000 to 10009: one update in ten thousand, over tcp and ipc.
    for endpoint in ("tcp://localhost:5556", "ipc://weather.ipc"):
        client = run.start("wuclient", "-n", 10, "-e", endpoint, "1000")
        client.expect_success()
        expect(client.output.startswith("Collecting updates from weather server...\n"), "greeting")
        client.wait_for(r"^Average temperature for zipcode '1000' was -?\d+F$")
    server.interrupt()


def start_pipeline(run, workers, worker="taskwork", sink="tasksink", most_msecs=QUICK_TASK_MSECS, seed=None):
    """A sink, the workers, then the ventilator of 100 tasks once they are
    connected."""
    sink = run.start(sink, "-n", 100)
    crew = [run.start(worker, label=f"{worker} {n}") for n in range(workers)]
    seeded = ("-s", seed) if seed is not None else ()
    ventilator = run.start("taskvent", "-n", 100, "-m", most_msecs, "-w", workers, *seeded)
    return sink, crew, ventilator


def check_batch(sink, crew, ventilator, tasks=100):
    """The sink counted the whole batch (a colon every ten results), and the
    workers did exactly the work the ventilator sent."""
    ventilator.expect_success()
    expected_cost = int(ventilator.wait_for(r"Total expected cost: (\d+) msec").group(1))
    sink.expect_success()
    progress = sink.wait_for(r"^([:.]*)\nTotal elapsed time: \d+ msec$").group(1)
    expect(progress == (":" + "." * 9) * (tasks // 10), f"the sink's progress line: {progress}")
    done = [int(n) for worker in crew for n in re.findall(r"(\d+)\.", worker.output)]
    expect(len(done) == tasks, f"the workers did {len(done)} tasks")
    expect(sum(done) == expected_cost, f"the workers' work adds up to {sum(done)}, not {expected_cost}")


def pipeline(run):
    sink, crew, ventilator = start_pipeline(run, 3)
    ventilator.wait_for(r"Waiting for 3 workers to connect...\nSending tasks to workers...")
    check_batch(sink, crew, ventilator)
    expect(all(worker.output for worker in crew), "the ventilator gave every worker tasks")
    for worker in crew:
        worker.interrupt()


def pipeline_by_hand(run):
    """The guide's way to start a batch: Enter, once the workers are up."""
    sink = run.start("tasksink", "-n", 10)
    worker = run.start("taskwork")
    ventilator = run.start("taskvent", "-n", 10, "-m", QUICK_TASK_MSECS, stdin=True)
    ventilator.wait_for(r"Press Enter when the workers are ready: $")
    ventilator.type("\n")
    check_batch(sink, [worker], ventilator, tasks=10)
    worker.interrupt()


def pipeline_speedup(run):
    """The guide's headline in small: four workers finish the same batch
    (same seed, same workloads) in far less time than one. The bound is
    loose (four workers ideally need a quarter of the time)."""
    times = {}
    for workers in (1, 4):
        sink, crew, ventilator = start_pipeline(run, workers, most_msecs=20, seed=7)
        check_batch(sink, crew, ventilator)
        times[workers] = elapsed_msecs(sink)
        for worker in crew:
            worker.interrupt()
    print(f"1 worker: {times[1]} msec, 4 workers: {times[4]} msec")
    expect(times[4] * 2 < times[1], "four workers are not twice as fast as one")


def kill_signal(run):
    sink, crew, ventilator = start_pipeline(run, 3, worker="taskwork2", sink="tasksink2")
    check_batch(sink, crew, ventilator)
    for worker in crew:
        worker.expect_success()  # the KILL ended them


def read_two_sockets(run, reader):
    """A reader of tasks and weather updates for 10001, fed by the
    ventilator and the weather server (and a sink for the batch's start)."""
    weather = run.start("wuserver")
    run.start("tasksink", "-n", 0)
    program = run.start(reader, "-t", 100, "-u", 1)
    ventilator = run.start("taskvent", "-n", 100, "-m", 1, "-w", 1)
    ventilator.expect_success()
    program.expect_success()
    program.wait_for(r"^Received 100 tasks and [1-9]\d* weather updates$")
    weather.interrupt()


def msreader(run):
    read_two_sockets(run, "msreader")


def mspoller(run):
    read_two_sockets(run, "mspoller")


def request_reply_broker(run, broker):
    broker = run.start(broker)
    workers = [run.start("rrworker", "-w", 0, label=f"rrworker {n}") for n in range(2)]
    clients = [run.start("rrclient", "-n", 5, label=f"rrclient {n}") for n in range(2)]
    for client in clients:
        client.expect_success()
        expect(client.output == "".join(f"Received reply {n} [World]\n" for n in range(5)), "client's replies")
    for worker in workers:
        worker.interrupt()
    served = "".join(worker.output for worker in workers)
    expect(served == "Received request: [Hello]\n" * 10, "the workers served the ten requests")
    broker.interrupt()


def rrbroker(run):
    request_reply_broker(run, "rrbroker")


def msgqueue(run):
    request_reply_broker(run, "msgqueue")


def wuproxy(run):
    server = run.start("wuserver")
    proxy = run.start("wuproxy")
    client = run.start("wuclient", "-n", 10, "-e", "tcp://localhost:8100", "1000")
    client.expect_success()
    client.wait_for(r"^Average temperature for zipcode '1000' was -?\d+F$")
    proxy.interrupt()
    server.interrupt()


def interrupt(run):
    server = run.start("interrupt")
    client = run.start("hwclient", "-n", 1)
    client.expect_success()  # the server is up and answering
    server.interrupt()
    expect(server.output == "W: interrupt received, killing server...\n", "the server's last words")


def mtserver(run):
    server = run.start("mtserver", "-w", 20)
    clients = [run.start("hwclient", "-n", 3, label=f"hwclient {n}") for n in range(5)]
    for client in clients:
        client.expect_success()
        expect(client.output.count("Received World") == 3, "three replies")
    server.interrupt()
    expect(server.output == "Received request: [Hello]\n" * 15, "the workers served fifteen requests")


def mtrelay(run):
    relay = run.start("mtrelay")
    relay.expect_success()
    expect(relay.output.endswith("Test successful!\n"), "the relay's verdict")


def sync(run):
    publisher = run.start("syncpub", "-s", 3, "-n", 10000)
    subscribers = [run.start("syncsub", label=f"syncsub {n}") for n in range(3)]
    for subscriber in subscribers:
        subscriber.expect_success()
        expect(subscriber.output == "Received 10000 updates\n", "every update arrived")
    publisher.expect_success()


def envelope(run):
    publisher = run.start("psenvpub", "-i", 10)
    subscriber = run.start("psenvsub", "-n", 3)
    subscriber.expect_success()
    expect(subscriber.output == "[B] We would like to see this\n" * 3, "only B's messages, with their key")
    publisher.interrupt()


def identity(run):
    program = run.start("identity")
    program.expect_success()
    rule = "-" * 40
    expect(re.fullmatch(
        f"{rule}\n\\[005\\] 00[0-9A-F]{{8}}\n\\[000\\] \n\\[039\\] ROUTER uses a generated 5 byte identity\n"
        f"{rule}\n\\[005\\] PEER2\n\\[000\\] \n\\[040\\] ROUTER socket uses REQ's socket identity\n",
        program.output), "the two envelopes")


SCENARIOS = {function.__name__: function for function in (
    hello, version, weather, pipeline, pipeline_by_hand, pipeline_speedup, kill_signal, msreader, mspoller,
    rrbroker, msgqueue, wuproxy, interrupt, mtserver, mtrelay, sync, envelope, identity)}

if __name__ == "__main__":
    bin_dir, name = sys.argv[1:3]
    with Run(bin_dir) as run:
        SCENARIOS[name](run)
    print(f"{name}: ok")
