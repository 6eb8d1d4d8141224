// The thread-safe types across processes: zmx against the reference libzmq
// 4.3.4 with its draft API (reference_peer.c), both roles, over tcp and
// ipc: CLIENT/SERVER, SCATTER/GATHER, PEER and CHANNEL.
#include "../interop/peer_process.hpp"
#include "endpoints_all.hpp"

#include <memory>
#include <string>

namespace {

using interop::peer_process;
using ts::transport;

std::string name_of(transport t) { return t == transport::tcp ? "tcp" : "ipc"; }

// The reference peer, started and ready: it binds when zmx connects.
std::unique_ptr<peer_process> start_peer(const std::string& mode, const char* type, const std::string& how,
                                         const std::string& endpoint, const std::string& count = "") {
    std::vector<std::string> command{ZMX_REFERENCE_PEER, mode, type, how, endpoint};
    if (!count.empty())
        command.push_back(count);
    return std::make_unique<peer_process>(command, std::vector<std::string>{}, peer_process::program{});
}

// "ready ENDPOINT" -> ENDPOINT.
std::string endpoint_from(peer_process& peer) {
    const std::string line = peer.line();
    EXPECT_EQ(line.rfind("ready ", 0), 0u) << line;
    return line.size() > 6 ? line.substr(6) : "";
}

class ReferenceInterop : public ::testing::TestWithParam<std::tuple<transport, bool>> {
protected:
    transport where() const { return std::get<0>(GetParam()); }
    bool zmx_binds() const { return std::get<1>(GetParam()); }

    // Our socket of `type` and the reference peer in `mode`, meeting: the
    // binding side binds first, the other connects.
    std::unique_ptr<peer_process> meet(void* ours, const char* peer_type, const std::string& mode,
                                       const std::string& count = "") {
        if (zmx_binds()) {
            const std::string endpoint = ts::bind_any(ours, where());
            auto peer = start_peer(mode, peer_type, "connect", endpoint, count);
            EXPECT_EQ(endpoint_from(*peer), endpoint);
            return peer;
        }
        auto peer = start_peer(mode, peer_type, "bind", where() == transport::tcp ? "tcp://127.0.0.1:*" : "ipc://*",
                               count);
        const std::string endpoint = endpoint_from(*peer);
        if (std::string(peer_type) == "PEER")
            peer_routing_id_ = zmq_connect_peer(ours, endpoint.c_str());
        else
            zt::connect(ours, endpoint.c_str());
        return peer;
    }

    zt::context ctx;
    uint32_t peer_routing_id_ = 0;
};

INSTANTIATE_TEST_SUITE_P(
    Both, ReferenceInterop, ::testing::Combine(::testing::Values(transport::tcp, transport::ipc), ::testing::Bool()),
    [](const auto& info) {
        return name_of(std::get<0>(info.param)) + (std::get<1>(info.param) ? "_ZmxBinds" : "_ZmxConnects");
    });

TEST_P(ReferenceInterop, ZmxClientToReferenceServer) {
    zt::socket client(ctx, ZMQ_CLIENT);
    auto peer = meet(client, "SERVER", "echo");
    zt::send_str(client, "ping");
    EXPECT_EQ(zt::recv_str(client), "ping");
    zt::send_str(client, "quit");
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(ReferenceInterop, ReferenceClientToZmxServer) {
    zt::socket server(ctx, ZMQ_SERVER);
    auto peer = meet(server, "CLIENT", "echo");
    const ts::received hello = ts::recv_with_id(server);
    EXPECT_EQ(hello.text, "hello");
    ASSERT_EQ(ts::send_to(server, hello.routing_id, "pong"), 4);
    EXPECT_EQ(zt::recv_str(server), "pong");
    ASSERT_EQ(ts::send_to(server, hello.routing_id, "quit"), 4);
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(ReferenceInterop, ZmxScatterToReferenceGather) {
    zt::socket scatter(ctx, ZMQ_SCATTER);
    auto peer = meet(scatter, "GATHER", "print");
    for (const char* text : {"one", "two", "quit"})
        zt::send_str(scatter, text);
    EXPECT_EQ(peer->line(), "one");
    EXPECT_EQ(peer->line(), "two");
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(ReferenceInterop, ReferenceScatterToZmxGather) {
    zt::socket gather(ctx, ZMQ_GATHER);
    auto peer = meet(gather, "SCATTER", "send", "100");
    for (int i = 0; i < 100; ++i)
        ASSERT_EQ(zt::recv_str(gather), std::to_string(i));
    EXPECT_EQ(zt::recv_str(gather), "quit");
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(ReferenceInterop, PeerToPeer) {
    zt::socket peer_socket(ctx, ZMQ_PEER);
    auto peer = meet(peer_socket, "PEER", "echo");
    // Whoever connects speaks first: the reference peer says hello, or we
    // do, to the routing id zmq_connect_peer gave us.
    uint32_t other = peer_routing_id_;
    if (zmx_binds()) {
        const ts::received hello = ts::recv_with_id(peer_socket);
        EXPECT_EQ(hello.text, "hello");
        other = hello.routing_id;
    }
    ASSERT_NE(other, 0u);
    ASSERT_EQ(ts::send_to(peer_socket, other, "echo me"), 7);
    EXPECT_EQ(ts::recv_with_id(peer_socket).text, "echo me");
    ASSERT_EQ(ts::send_to(peer_socket, other, "quit"), 4);
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(ReferenceInterop, ChannelToChannel) {
    zt::socket channel(ctx, ZMQ_CHANNEL);
    auto peer = meet(channel, "CHANNEL", "echo");
    if (zmx_binds()) {
        EXPECT_EQ(zt::recv_str(channel), "hello");
    }
    zt::send_str(channel, "echo me");
    EXPECT_EQ(zt::recv_str(channel), "echo me");
    zt::send_str(channel, "quit");
    EXPECT_EQ(peer->wait(), 0);
}

} // namespace
