// RADIO, DISH and DGRAM across processes: zmx against the reference libzmq
// 4.3.4 with its draft API (radio_dish_peer.c), both roles, binding and
// connecting, over tcp and ipc, and over udp unicast (a DISH binds, a
// RADIO connects), with groups of the greatest length; DGRAM over udp,
// each side sending first.
#include "../interop/peer_process.hpp"
#include "endpoints_all.hpp"
#include "group_messages.hpp"

#include <cstdlib>
#include <memory>
#include <string>

namespace {

using interop::peer_process;
using ts::transport;

const std::string longest_group(ZMQ_GROUP_MAX_LENGTH, 'q');
// The reference DISH reads a udp datagram's group length as a signed char
// (and aborts on one of 128 or more): over udp it gets at most 127.
const std::string longest_udp_group(127, 'u');

using gm::send_to_group;

// The reference peer in `role`, ready; *bound gets the endpoint it bound.
std::unique_ptr<peer_process> start_peer(const std::string& role, const std::string& how, const std::string& endpoint,
                                         std::string* bound = nullptr, const std::string& group = longest_group) {
    auto peer = std::make_unique<peer_process>(
        std::vector<std::string>{ZMX_REFERENCE_PEER, role, how, endpoint, group}, std::vector<std::string>{},
        peer_process::program{});
    const std::string line = peer->line();
    EXPECT_EQ(line.rfind("ready ", 0), 0u) << line;
    if (bound && line.size() > 6)
        *bound = line.substr(6);
    return peer;
}

// Our DISH, joined to the longest group, hears only that group from the
// reference RADIO behind peer, then stops it.
void expect_only_our_group(void* dish, peer_process& peer) {
    for (int i = 0; i < 5; ++i) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        ASSERT_GE(zmq_msg_recv(&m, dish, 0), 0) << zmq_strerror(zmq_errno());
        EXPECT_EQ(std::string(zmq_msg_group(&m)), longest_group);
        const std::string body(static_cast<const char*>(zmq_msg_data(&m)), zmq_msg_size(&m));
        EXPECT_EQ(body.find("other"), std::string::npos) << body;
        zmq_msg_close(&m);
    }
    peer.close_stdin();
    EXPECT_EQ(peer.wait(), 0);
}

// Our RADIO probes until the reference DISH behind peer hears `group`, then
// sends it "quit" (and a group it did not join first).
void expect_heard_by(void* radio, peer_process& peer, const std::string& group = longest_group) {
    // The dish's join reaches us asynchronously: probe until it hears one.
    constexpr int retry_ms = 10;
    bool heard = false;
    for (int waited = 0; !heard && waited < zt::safety_timeout_ms; waited += retry_ms) {
        ASSERT_EQ(send_to_group(radio, group, "probe"), 5);
        heard = peer.has_line(retry_ms);
    }
    ASSERT_TRUE(heard);
    ASSERT_EQ(send_to_group(radio, "other", "not joined"), 10);
    ASSERT_EQ(send_to_group(radio, group, "quit"), 4);
    std::string line = peer.line();
    while (line == group + " probe")
        line = peer.line();
    EXPECT_EQ(line, group + " quit");
    EXPECT_EQ(peer.wait(), 0);
}

class RadioDishInterop : public ::testing::TestWithParam<std::tuple<transport, bool>> {
protected:
    transport where() const { return std::get<0>(GetParam()); }
    bool zmx_binds() const { return std::get<1>(GetParam()); }

    // The reference peer in `role`, meeting our socket: the binding side
    // binds first, the other connects.
    std::unique_ptr<peer_process> meet(void* ours, const std::string& role) {
        const std::string how = zmx_binds() ? "connect" : "bind";
        const std::string endpoint = zmx_binds() ? ts::bind_any(ours, where())
                                                 : (where() == transport::tcp ? "tcp://127.0.0.1:*" : "ipc://*");
        std::string bound;
        auto peer = start_peer(role, how, endpoint, &bound);
        if (!zmx_binds())
            zt::connect(ours, bound.c_str());
        return peer;
    }

    zt::context ctx;
};

INSTANTIATE_TEST_SUITE_P(
    Both, RadioDishInterop, ::testing::Combine(::testing::Values(transport::tcp, transport::ipc), ::testing::Bool()),
    [](const auto& info) {
        return std::string(std::get<0>(info.param) == transport::tcp ? "tcp" : "ipc") +
               (std::get<1>(info.param) ? "_ZmxBinds" : "_ZmxConnects");
    });

TEST_P(RadioDishInterop, ZmxDishHearsOnlyItsGroupFromAReferenceRadio) {
    zt::socket dish(ctx, ZMQ_DISH);
    ASSERT_EQ(zmq_join(dish, longest_group.c_str()), 0);
    auto peer = meet(dish, "radio");
    expect_only_our_group(dish, *peer);
}

TEST_P(RadioDishInterop, ZmxRadioReachesAReferenceDish) {
    zt::socket radio(ctx, ZMQ_RADIO);
    auto peer = meet(radio, "dish");
    expect_heard_by(radio, *peer);
}

TEST(RadioDishUdpInterop, ZmxDishHearsOnlyItsGroupFromAReferenceRadio) {
    zt::context ctx;
    zt::socket dish(ctx, ZMQ_DISH);
    ASSERT_EQ(zmq_join(dish, longest_group.c_str()), 0);
    const std::string endpoint = ts::free_udp_endpoint();
    zt::bind(dish, endpoint.c_str());
    auto peer = start_peer("radio", "connect", endpoint);
    expect_only_our_group(dish, *peer);
}

TEST(RadioDishUdpInterop, ZmxRadioReachesAReferenceDish) {
    zt::context ctx;
    zt::socket radio(ctx, ZMQ_RADIO);
    const std::string endpoint = ts::free_udp_endpoint();
    auto peer = start_peer("dish", "bind", endpoint, nullptr, longest_udp_group);
    zt::connect(radio, endpoint.c_str());
    expect_heard_by(radio, *peer, longest_udp_group);
}

// Multicast needs a route: these run only as the ctest
// threadsafe_radio_dish_multicast_interop, inside a network namespace of
// their own (in_multicast_namespace.sh sets it up and says so).
bool in_multicast_namespace() { return std::getenv("ZMX_MULTICAST_NAMESPACE") != nullptr; }

std::string multicast_endpoint() {
    const std::string unicast = ts::free_udp_endpoint();
    return "udp://239.192.0.9:" + unicast.substr(unicast.rfind(':') + 1);
}

TEST(RadioDishMulticastInterop, ZmxDishHearsOnlyItsGroupFromAReferenceRadio) {
    if (!in_multicast_namespace())
        GTEST_SKIP() << "runs in threadsafe_radio_dish_multicast_interop";
    zt::context ctx;
    zt::socket dish(ctx, ZMQ_DISH);
    ASSERT_EQ(zmq_join(dish, longest_group.c_str()), 0);
    const std::string endpoint = multicast_endpoint();
    zt::bind(dish, endpoint.c_str());
    auto peer = start_peer("radio", "connect", endpoint);
    expect_only_our_group(dish, *peer);
}

TEST(RadioDishMulticastInterop, ZmxRadioReachesAReferenceDish) {
    if (!in_multicast_namespace())
        GTEST_SKIP() << "runs in threadsafe_radio_dish_multicast_interop";
    zt::context ctx;
    zt::socket radio(ctx, ZMQ_RADIO);
    const std::string endpoint = multicast_endpoint();
    auto peer = start_peer("dish", "bind", endpoint, nullptr, longest_udp_group);
    zt::connect(radio, endpoint.c_str());
    expect_heard_by(radio, *peer, longest_udp_group);
}

TEST(DgramUdpInterop, AReferenceDgramEchoesZmx) {
    zt::context ctx;
    zt::socket dgram(ctx, ZMQ_DGRAM);
    const std::string ours = ts::free_udp_endpoint();
    zt::bind(dgram, ours.c_str());
    const std::string theirs = ts::free_udp_endpoint();
    auto peer = start_peer("dgram", "bind", theirs, nullptr, "-");
    // The reference binds udp in the background, after it says it is ready:
    // pings go until one comes back.
    constexpr int retry_ms = 10;
    for (int waited = 0; waited < zt::safety_timeout_ms && !zt::wait_readable(dgram, 0); waited += retry_ms) {
        zt::send_multipart(dgram, {theirs.substr(6), "ping"});
        zt::wait_readable(dgram, retry_ms);
    }
    EXPECT_EQ(zt::recv_multipart(dgram), (std::vector<std::string>{theirs.substr(6) + '\0', "ping"}));
    zt::send_multipart(dgram, {theirs.substr(6), "quit"});
    std::string line = peer->line();
    while (line == ours.substr(6) + " ping")
        line = peer->line();
    EXPECT_EQ(line, ours.substr(6) + " quit");
    EXPECT_EQ(peer->wait(), 0);
}

TEST(DgramUdpInterop, ZmxAnswersAReferenceDgram) {
    zt::context ctx;
    zt::socket dgram(ctx, ZMQ_DGRAM);
    const std::string ours = ts::free_udp_endpoint();
    zt::bind(dgram, ours.c_str());
    const std::string theirs = ts::free_udp_endpoint();
    auto peer = start_peer("dgram", "bind", theirs, nullptr, ours.substr(6));
    EXPECT_EQ(zt::recv_multipart(dgram), (std::vector<std::string>{theirs.substr(6) + '\0', "hello"}));
    zt::send_multipart(dgram, {theirs.substr(6), "quit"});
    EXPECT_EQ(peer->line(), ours.substr(6) + " quit");
    EXPECT_EQ(peer->wait(), 0);
}

} // namespace
