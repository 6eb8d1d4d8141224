// A peer that stops reading holds its sender back: what the peer has not
// taken stays in the kernel's buffers and the socket's queue (SNDHWM), and
// then send says EAGAIN. Nothing piles up without bound in between.
#include "endpoints.hpp"
#include "raw_peer.hpp"

#include <string>

namespace {

using tt::raw_peer;

TEST(Backpressure, APeerThatNeverReadsMakesSendBlock) {
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_SNDHWM, 10);
    zt::set_int(push, ZMQ_SNDTIMEO, 200);  // how long "blocked" must last
    const std::string endpoint = tt::bind_any(push, tt::transport::tcp);
    raw_peer peer(endpoint);
    peer.send(raw_peer::greeting("NULL") + raw_peer::ready("PULL"));

    // Kernel buffers on loopback hold a few MB: 64 MB is far beyond them.
    const std::string body(16 * 1024, 'x');
    constexpr int limit = 4096;
    int sent = 0;
    while (sent < limit && zmq_send(push, body.data(), body.size(), 0) == static_cast<int>(body.size()))
        ++sent;
    EXPECT_LT(sent, limit) << "the sender was never held back";
    EXPECT_EQ(zmq_errno(), EAGAIN);
    EXPECT_GT(sent, 10);  // the HWM's worth at least went out
}

}  // namespace
