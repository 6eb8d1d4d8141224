// ZMQ_CONFLATE over tcp and ipc: the pipe of a connection keeps only the
// newest message, as libzmq's does for DEALER, PUSH, PULL, PUB and SUB
// (it used to be honoured on inproc only). Checked against libzmq 4.3.4.
#include "endpoints.hpp"

#include <string>

namespace {

using tt::transport;

class Conflate : public ::testing::TestWithParam<transport> {};

INSTANTIATE_TEST_SUITE_P(Transports, Conflate, ::testing::Values(transport::tcp, transport::ipc),
                         tt::transport_name);

// A PUSH connected to an endpoint nobody has bound yet, with "1" to "10"
// waiting in its queue.
void queue_ten_for_an_absent_peer(void* push, const std::string& endpoint) {
    zt::set_int(push, ZMQ_RECONNECT_IVL, 20);
    zt::connect(push, endpoint.c_str());
    for (int i = 1; i <= 10; ++i)
        zt::send_str(push, std::to_string(i), ZMQ_DONTWAIT);
}

// Conflated, only the last message is left when the peer comes.
TEST_P(Conflate, AConnectsQueueKeepsOnlyTheNewestMessage) {
    zt::context ctx;
    const std::string endpoint = tt::endpoint_to_bind_later(GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_CONFLATE, 1);
    queue_ten_for_an_absent_peer(push, endpoint);

    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, endpoint.c_str());
    EXPECT_EQ(zt::recv_str(pull), "10");
    zt::send_str(push, "next", ZMQ_DONTWAIT);
    EXPECT_EQ(zt::recv_str(pull), "next") << "only the newest of the ten was kept";
}

// Without it, the same queue keeps them all: the contrast that shows the
// option at work.
TEST_P(Conflate, WithoutItTheQueueKeepsEveryMessage) {
    zt::context ctx;
    const std::string endpoint = tt::endpoint_to_bind_later(GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    queue_ten_for_an_absent_peer(push, endpoint);

    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, endpoint.c_str());
    for (int i = 1; i <= 10; ++i)
        EXPECT_EQ(zt::recv_str(pull), std::to_string(i));
}

} // namespace
