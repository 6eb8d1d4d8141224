// RADIO and DISH across processes: zmx against the reference libzmq 4.3.4
// with its draft API (radio_dish_peer.c), both roles, binding and
// connecting, over tcp and ipc, with groups of the greatest length.
#include "../interop/peer_process.hpp"
#include "endpoints_all.hpp"

#include <memory>
#include <string>

namespace {

using interop::peer_process;
using ts::transport;

const std::string longest_group(ZMQ_GROUP_MAX_LENGTH, 'q');

int send_to_group(void* radio, const std::string& group, const std::string& body) {
    zmq_msg_t m;
    zmq_msg_init_size(&m, body.size());
    memcpy(zmq_msg_data(&m), body.data(), body.size());
    zmq_msg_set_group(&m, group.c_str());
    const int rc = zmq_msg_send(&m, radio, 0);
    if (rc < 0)
        zmq_msg_close(&m);
    return rc;
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
        auto peer = std::make_unique<peer_process>(
            std::vector<std::string>{ZMX_REFERENCE_PEER, role, how, endpoint, longest_group},
            std::vector<std::string>{}, peer_process::program{});
        const std::string line = peer->line();
        EXPECT_EQ(line.rfind("ready ", 0), 0u) << line;
        if (!zmx_binds() && line.size() > 6)
            zt::connect(ours, line.substr(6).c_str());
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
    for (int i = 0; i < 5; ++i) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        ASSERT_GE(zmq_msg_recv(&m, dish, 0), 0) << zmq_strerror(zmq_errno());
        EXPECT_EQ(std::string(zmq_msg_group(&m)), longest_group);
        const std::string body(static_cast<const char*>(zmq_msg_data(&m)), zmq_msg_size(&m));
        EXPECT_EQ(body.find("other"), std::string::npos) << body;
        zmq_msg_close(&m);
    }
    peer->close_stdin();
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(RadioDishInterop, ZmxRadioReachesAReferenceDish) {
    zt::socket radio(ctx, ZMQ_RADIO);
    auto peer = meet(radio, "dish");
    // The dish's join reaches us asynchronously: probe until it hears one.
    constexpr int retry_ms = 10;
    bool heard = false;
    for (int waited = 0; !heard && waited < zt::safety_timeout_ms; waited += retry_ms) {
        ASSERT_EQ(send_to_group(radio, longest_group, "probe"), 5);
        heard = peer->has_line(retry_ms);
    }
    ASSERT_TRUE(heard);
    ASSERT_EQ(send_to_group(radio, "other", "not joined"), 10);
    ASSERT_EQ(send_to_group(radio, longest_group, "quit"), 4);
    std::string line = peer->line();
    while (line == longest_group + " probe")
        line = peer->line();
    EXPECT_EQ(line, longest_group + " quit");
    EXPECT_EQ(peer->wait(), 0);
}

} // namespace
