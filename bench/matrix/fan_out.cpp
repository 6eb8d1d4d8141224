// PUB/SUB fan-out: one PUB sends as fast as it can to N SUBs, which one
// thread drains, polling them all as a consumer of many sockets would (a
// hundred threads would measure the scheduler on 2 cores). A PUB drops
// what a subscriber has no room for, so the figures are the messages
// delivered per second and the share dropped, with the CPU per delivered
// message.
#include "measure.hpp"
#include "suites.hpp"

#include <atomic>
#include <chrono>
#include <thread>

namespace matrix {

namespace {

using bench_clock = std::chrono::steady_clock;

// Message sizes tell the receiver what a message is: any size but these
// two is data.
constexpr size_t data_size = 64;
constexpr size_t hello_size = 1;  // sent until every subscriber has one: all are connected and subscribed
constexpr size_t end_size = 0;    // sent until every subscriber has one: the data is over

// What the draining thread found, for the publisher to wait on.
struct tally {
    std::atomic<long> greeted{0}, ended{0};
    long delivered = 0;  // read after the thread is joined
    bench_clock::time_point last_delivered;
};

void drain(library& lib, const std::vector<socket*>& subs, tally& t)
{
    const long n = long(subs.size());
    std::vector<bool> greeted(subs.size()), ended(subs.size());
    while (t.ended < n) {
        bool any = false;
        for (size_t i = 0; i < subs.size(); i++) {
            size_t size;
            // A bounded batch per socket, so a busy one cannot starve the rest.
            for (int batch = 0; batch < 64 && subs[i]->try_receive(size); batch++) {
                any = true;
                if (size == hello_size && !greeted[i]) {
                    greeted[i] = true;
                    t.greeted++;
                } else if (size == end_size && !ended[i]) {
                    ended[i] = true;
                    t.ended++;
                } else if (size == data_size) {
                    t.delivered++;
                    t.last_delivered = bench_clock::now();
                }
            }
        }
        if (!any) lib.wait_any(subs, 10);
    }
}

// Sends a `size` message each millisecond until `done` says every
// subscriber has one; a PUB may drop any of them.
void repeat_until(socket& pub, size_t size, const std::atomic<long>& done, long n)
{
    const auto give_up = bench_clock::now() + std::chrono::seconds(60);
    while (done < n) {
        if (bench_clock::now() > give_up) fail("pub/sub: a subscriber never answered");
        pub.send(size);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

// `messages`, or fewer if `budget` runs out first.
void publish(library& lib, const std::string& transport, addresses& at, long n, long messages,
             std::chrono::duration<double> budget)
{
    auto pub = lib.open(role::pub);
    const std::string address = pub->bind(at.fresh(transport));
    std::vector<std::unique_ptr<socket>> owned;
    std::vector<socket*> subs;
    for (long i = 0; i < n; i++) {
        owned.push_back(lib.open(role::sub));
        owned.back()->connect(address);
        subs.push_back(owned.back().get());
    }
    tally t;
    std::thread drainer([&] { drain(lib, subs, t); });
    repeat_until(*pub, hello_size, t.greeted, n);

    const bench::cpu_meter cpu;
    const auto start = bench_clock::now();
    const long sent = send_stream(*pub, data_size, messages, budget);
    repeat_until(*pub, end_size, t.ended, n);
    drainer.join();
    const double seconds = std::chrono::duration<double>(t.last_delivered - start).count();

    const double copies = double(sent) * double(n);
    const std::string name = "pub/sub " + std::to_string(data_size) + " B to " + std::to_string(n) + " subs ";
    figure(transport, name + "delivered msg/s", t.delivered > 0 ? double(t.delivered) / seconds : 0);
    figure(transport, name + "dropped %", (copies - double(t.delivered)) / copies * 100);
    figure(transport, name + "cpu us/msg", cpu.micros_per(std::max(1L, t.delivered)));
}

}  // namespace

void fan_out(library& lib, const plan& p, addresses& at)
{
    const std::chrono::duration<double> budget(p.budget_seconds());
    for (const auto& transport : p.transports)
        for (long n : p.subscribers) publish(lib, transport, at, n, p.count(2'000'000.0 / double(n)), budget);
}

}  // namespace matrix
