// Debian's cppzmq 4.9 (a header library), compiled against Debian's zmq.h
// and linked against Debian's libzmq, run on zmx through LD_LIBRARY_PATH:
// what a cppzmq program does first. message_t and buffers, multipart_t,
// zmq::poll, monitor_t's events, options through zmq::sockopt, a
// steerable proxy stopped by TERMINATE, and context_t::shutdown waking a
// blocked receive with ETERM. Each check prints its name; the first
// failure exits non-zero. ctest runs it on zmx and on Debian's libzmq
// (dropin.cppzmq_programs, reference.cppzmq_programs). Every receive has a
// timeout, so a lost message fails instead of hanging.
// Usage: cppzmq_programs [--library DIR]: with DIR, first checks that the
// libzmq.so.5 loaded is the one in DIR.
#include "mapped_library.h"

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int receive_timeout_ms = 5000;

[[noreturn]] void fail(const std::string& check, const std::string& what) {
    std::fprintf(stderr, "FAIL %s: %s\n", check.c_str(), what.c_str());
    std::exit(1);
}

void expect(bool condition, const std::string& check, const std::string& what) {
    if (!condition)
        fail(check, what);
}

std::string receive_string(zmq::socket_t& socket, const std::string& check) {
    zmq::message_t message;
    const auto received = socket.recv(message, zmq::recv_flags::none);
    expect(received.has_value(), check, "no message arrived");
    return message.to_string();
}

void check_req_rep_over_tcp(zmq::context_t& context) {
    const std::string check = "REQ/REP over tcp";
    zmq::socket_t server(context, zmq::socket_type::rep);
    server.set(zmq::sockopt::rcvtimeo, receive_timeout_ms);
    server.bind("tcp://127.0.0.1:*");
    const std::string endpoint = server.get(zmq::sockopt::last_endpoint);
    zmq::socket_t client(context, zmq::socket_type::req);
    client.set(zmq::sockopt::rcvtimeo, receive_timeout_ms);
    client.connect(endpoint);
    for (int i = 0; i < 100; i++) {
        const std::string question = "question " + std::to_string(i);
        client.send(zmq::buffer(question), zmq::send_flags::none);
        expect(receive_string(server, check) == question, check, "the request");
        server.send(zmq::str_buffer("answer"), zmq::send_flags::none);
        expect(receive_string(client, check) == "answer", check, "the reply");
    }
    std::puts("ok  REQ/REP over tcp: 100 exchanges");
}

void check_multipart(zmq::context_t& context) {
    const std::string check = "multipart_t over inproc";
    zmq::socket_t router(context, zmq::socket_type::router);
    router.set(zmq::sockopt::rcvtimeo, receive_timeout_ms);
    router.bind("inproc://cppzmq-router");
    zmq::socket_t dealer(context, zmq::socket_type::dealer);
    dealer.set(zmq::sockopt::routing_id, "cppzmq-dealer");
    dealer.set(zmq::sockopt::rcvtimeo, receive_timeout_ms);
    dealer.connect("inproc://cppzmq-router");
    zmq::multipart_t request;
    request.addstr("one");
    request.addstr("");
    request.addstr("three");
    expect(request.send(dealer), check, "multipart_t::send");
    std::vector<zmq::message_t> parts;
    const auto count = zmq::recv_multipart(router, std::back_inserter(parts));
    expect(count && *count == 4, check, "routing id and three parts");
    expect(parts[0].to_string() == "cppzmq-dealer", check, "the routing id");
    expect(parts[1].to_string() == "one" && parts[2].size() == 0 && parts[3].to_string() == "three", check,
           "the parts");
    std::vector<zmq::const_buffer> reply{zmq::buffer(parts[0].data(), parts[0].size()), zmq::str_buffer("back")};
    expect(zmq::send_multipart(router, reply).has_value(), check, "send_multipart");
    zmq::multipart_t answer(dealer);
    expect(answer.size() == 1 && answer.popstr() == "back", check, "the answer");
    std::puts("ok  multipart_t and recv_multipart: DEALER/ROUTER with an empty part");
}

void check_poll(zmq::context_t& context) {
    const std::string check = "zmq::poll";
    zmq::socket_t quiet(context, zmq::socket_type::pull);
    quiet.bind("inproc://cppzmq-quiet");
    zmq::socket_t busy(context, zmq::socket_type::pull);
    busy.bind("inproc://cppzmq-busy");
    zmq::socket_t sender(context, zmq::socket_type::push);
    sender.connect("inproc://cppzmq-busy");
    std::vector<zmq::pollitem_t> items{{quiet.handle(), 0, ZMQ_POLLIN, 0}, {busy.handle(), 0, ZMQ_POLLIN, 0}};
    expect(zmq::poll(items, std::chrono::milliseconds(20)) == 0, check, "nothing ready yet");
    sender.send(zmq::str_buffer("ready"), zmq::send_flags::none);
    expect(zmq::poll(items, std::chrono::milliseconds(receive_timeout_ms)) == 1, check, "one socket ready");
    expect(items[0].revents == 0 && (items[1].revents & ZMQ_POLLIN), check, "the socket with the message");
    std::puts("ok  zmq::poll: a timeout, then the ready socket");
}

// Counts the events monitor_t hands to its callbacks.
class counting_monitor final : public zmq::monitor_t {
public:
    int listening = 0;
    int accepted = 0;

private:
    void on_event_listening(const zmq_event_t&, const char*) override { ++listening; }
    void on_event_accepted(const zmq_event_t&, const char*) override { ++accepted; }
};

void check_monitor(zmq::context_t& context) {
    const std::string check = "monitor_t";
    zmq::socket_t server(context, zmq::socket_type::pull);
    counting_monitor monitor;
    monitor.init(server, "inproc://cppzmq-monitor", ZMQ_EVENT_LISTENING | ZMQ_EVENT_ACCEPTED);
    server.bind("tcp://127.0.0.1:*");
    zmq::socket_t client(context, zmq::socket_type::push);
    client.connect(server.get(zmq::sockopt::last_endpoint));
    for (int waits = 0; (monitor.listening == 0 || monitor.accepted == 0) && waits < 50; waits++)
        monitor.check_event(100);
    expect(monitor.listening == 1 && monitor.accepted == 1, check, "one LISTENING and one ACCEPTED");
    std::puts("ok  monitor_t: LISTENING, then ACCEPTED");
}

void check_options(zmq::context_t& context) {
    const std::string check = "zmq::sockopt";
    zmq::socket_t socket(context, zmq::socket_type::sub);
    socket.set(zmq::sockopt::sndhwm, 123);
    socket.set(zmq::sockopt::rcvhwm, 456);
    socket.set(zmq::sockopt::linger, 7);
    socket.set(zmq::sockopt::subscribe, "topic");
    socket.set(zmq::sockopt::unsubscribe, "topic");
    socket.set(zmq::sockopt::ipv6, true);
    expect(socket.get(zmq::sockopt::sndhwm) == 123 && socket.get(zmq::sockopt::rcvhwm) == 456, check, "HWMs");
    expect(socket.get(zmq::sockopt::linger) == 7 && socket.get(zmq::sockopt::ipv6), check, "linger, ipv6");
    expect(socket.get(zmq::sockopt::type) == ZMQ_SUB, check, "type");
    expect(socket.get(zmq::sockopt::fd) >= 0, check, "ZMQ_FD");
    expect(socket.get(zmq::sockopt::events) == 0, check, "ZMQ_EVENTS");
    std::puts("ok  zmq::sockopt: set and read back");
}

void check_steerable_proxy(zmq::context_t& context) {
    const std::string check = "proxy_steerable";
    zmq::socket_t frontend(context, zmq::socket_type::pull);
    frontend.bind("inproc://cppzmq-front");
    zmq::socket_t backend(context, zmq::socket_type::push);
    backend.bind("inproc://cppzmq-back");
    zmq::socket_t control(context, zmq::socket_type::pair);
    control.bind("inproc://cppzmq-control");
    std::thread proxy([&] { zmq::proxy_steerable(frontend, backend, zmq::socket_ref(), control); });
    zmq::socket_t producer(context, zmq::socket_type::push);
    producer.connect("inproc://cppzmq-front");
    zmq::socket_t consumer(context, zmq::socket_type::pull);
    consumer.set(zmq::sockopt::rcvtimeo, receive_timeout_ms);
    consumer.connect("inproc://cppzmq-back");
    zmq::socket_t steer(context, zmq::socket_type::pair);
    steer.connect("inproc://cppzmq-control");
    producer.send(zmq::str_buffer("through"), zmq::send_flags::none);
    expect(receive_string(consumer, check) == "through", check, "a message through the proxy");
    steer.send(zmq::str_buffer("TERMINATE"), zmq::send_flags::none);
    proxy.join();
    std::puts("ok  proxy_steerable: a message through, then TERMINATE");
}

void check_shutdown_wakes_a_receive() {
    const std::string check = "context_t::shutdown";
    zmq::context_t context;
    zmq::socket_t socket(context, zmq::socket_type::pull);
    socket.bind("inproc://cppzmq-shutdown");
    int error = 0;
    std::thread receiver([&] {
        zmq::message_t message;
        try {
            (void)socket.recv(message, zmq::recv_flags::none);
        } catch (const zmq::error_t& e) {
            error = e.num();
        }
        socket.close();
    });
    context.shutdown();
    receiver.join();
    expect(error == ETERM, check, "the blocked receive did not end with ETERM");
    std::puts("ok  context_t::shutdown: a blocked receive ends with ETERM");
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 2 && std::string(argv[1]) == "--library")
        expect(libzmq_mapped_only_from(argv[2]), "library", std::string("libzmq.so.5 is not (only) the one in ") + argv[2]);
    int major = 0, minor = 0, patch = 0;
    zmq_version(&major, &minor, &patch);
    std::printf("cppzmq %d.%d.%d on ZeroMQ API %d.%d.%d\n", CPPZMQ_VERSION_MAJOR, CPPZMQ_VERSION_MINOR,
                CPPZMQ_VERSION_PATCH, major, minor, patch);
    try {
        zmq::context_t context;
        check_req_rep_over_tcp(context);
        check_multipart(context);
        check_poll(context);
        check_monitor(context);
        check_options(context);
        check_steerable_proxy(context);
        check_shutdown_wakes_a_receive();
    } catch (const zmq::error_t& e) {
        fail("cppzmq", std::string("zmq::error_t: ") + e.what());
    }
    std::puts("all cppzmq checks passed");
    return 0;
}
