// The order of the ZMTP handshake as a raw client sees it. libzmq 4.3.4
// refuses a READY that reaches it before the peer has received its whole
// greeting, so a socket must hold its READY back until the peer's greeting
// is complete. zmx is more forgiving than libzmq the other way round: it
// takes a greeting, READY and a message that come in one write (libzmq
// 4.3.4 drops that connection; the test is zmx-only, as its name says).
#include "endpoints.hpp"
#include "raw_peer.hpp"

#include <string>

namespace {

using tt::raw_peer;

constexpr size_t greeting_size = 64;

TEST(Handshake, ZmxOnlyGreetingReadyAndAMessageInOneWriteAreAccepted) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, tt::transport::tcp);
    raw_peer peer(endpoint);
    peer.send(raw_peer::greeting("NULL") + raw_peer::ready("PUSH") + raw_peer::message("all at once"));
    EXPECT_EQ(zt::recv_str(pull), "all at once");
}

TEST(Handshake, ReadyWaitsForThePeersWholeGreeting) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, tt::transport::tcp);
    raw_peer peer(endpoint);
    const std::string greeting = raw_peer::greeting("NULL");
    // Signature and version: enough for the socket to send its whole greeting.
    peer.send(greeting.substr(0, 12));
    const std::string theirs = peer.receive(greeting_size);
    ASSERT_EQ(theirs.size(), greeting_size);
    EXPECT_EQ(theirs.substr(12, 4), "NULL");
    // Nothing more may come while our greeting is unfinished (a bounded wait:
    // a READY sent early would be here by then).
    EXPECT_EQ(peer.receive(1, 100), "");

    peer.send(greeting.substr(12));
    const std::string ready = peer.receive(2);
    ASSERT_EQ(ready.size(), 2u);
    EXPECT_EQ(ready[0], '\x04');  // a short command: the READY
    const std::string body = peer.receive(static_cast<unsigned char>(ready[1]));
    EXPECT_EQ(body.substr(0, 6), "\x05READY");
    EXPECT_NE(body.find("PULL"), std::string::npos);
}

}  // namespace
