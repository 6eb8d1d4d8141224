// Message metadata over tcp and ipc: the ZMTP READY properties of the peer
// and the connection's address, read with zmq_msg_gets, and ZMQ_SRCFD read
// with zmq_msg_get. Checked against libzmq 4.3.4. ZMQ_METADATA (application
// properties) is draft API and has its own file, test_metadata_draft.cpp.
#include "endpoints.hpp"
#include "monitor_events.hpp"
#include "received_message.hpp"

#include <unistd.h>

#include <cerrno>
#include <string>

namespace {

using tt::transport;

class Metadata : public ::testing::TestWithParam<transport> {};

INSTANTIATE_TEST_SUITE_P(Transports, Metadata, ::testing::Values(transport::tcp, transport::ipc),
                         tt::transport_name);

TEST_P(Metadata, SocketTypeIsThePeersType) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "m");
    tt::received_message msg(pull);
    ASSERT_TRUE(msg.ok());
    EXPECT_EQ(msg.property("Socket-Type"), "PUSH");
}

TEST_P(Metadata, IdentityIsTheDealersRoutingId) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_DEALER);
    const std::string endpoint = tt::bind_any(binder, GetParam());
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "alice");
    zt::connect(dealer, endpoint.c_str());
    zt::send_str(dealer, "m");
    tt::received_message msg(binder);
    ASSERT_TRUE(msg.ok());
    EXPECT_EQ(msg.property("Identity"), "alice");
    EXPECT_EQ(msg.property("Socket-Type"), "DEALER");
}

// A DEALER always sends the Identity property, empty when it has no
// routing id.
TEST_P(Metadata, IdentityIsEmptyForADealerWithoutRoutingId) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_DEALER);
    const std::string endpoint = tt::bind_any(binder, GetParam());
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::connect(dealer, endpoint.c_str());
    zt::send_str(dealer, "m");
    tt::received_message msg(binder);
    ASSERT_TRUE(msg.ok());
    EXPECT_EQ(msg.property("Identity"), "");
}

// Only REQ, DEALER and ROUTER send Identity; a PUSH does not, even with a
// routing id set.
TEST_P(Metadata, APushSendsNoIdentity) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_bytes(push, ZMQ_ROUTING_ID, "bob");
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "m");
    tt::received_message msg(pull);
    ASSERT_TRUE(msg.ok());
    EXPECT_EQ(msg.property("Identity"), std::nullopt);
    EXPECT_EQ(msg.error, EINVAL);
}

// tcp: the peer's IP address. ipc: "localhost:<uid>:<gid>:<pid>" of the
// peer process (from SO_PEERCRED; libzmq's order checked with uid != gid).
TEST_P(Metadata, PeerAddressNamesThePeer) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "m");
    tt::received_message msg(pull);
    ASSERT_TRUE(msg.ok());
    const std::string expected = GetParam() == transport::tcp
        ? "127.0.0.1"
        : "localhost:" + std::to_string(getuid()) + ":" + std::to_string(getgid()) + ":" + std::to_string(getpid());
    EXPECT_EQ(msg.property("Peer-Address"), expected);
}

// Without ZAP there is no User-Id; unknown names fail the same way, and
// names are matched case-sensitively. The errno is EINVAL, not ENOENT.
TEST_P(Metadata, MissingPropertiesFailWithEinval) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "m");
    tt::received_message msg(pull);
    ASSERT_TRUE(msg.ok());
    for (const char* name : {"User-Id", "X-Nothing", "socket-type", "Routing-Id"}) {
        EXPECT_EQ(msg.property(name), std::nullopt) << name;
        EXPECT_EQ(msg.error, EINVAL) << name;
    }
}

// ZMQ_SRCFD (deprecated, 2): the descriptor of the connection the message
// came in on, as the monitor reported it on either side.
TEST_P(Metadata, SrcFdIsTheConnectionsDescriptor) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_DEALER);
    tt::event_monitor binder_events(ctx, binder, ZMQ_EVENT_ACCEPTED);
    const std::string endpoint = tt::bind_any(binder, GetParam());
    zt::socket connecter(ctx, ZMQ_DEALER);
    tt::event_monitor connecter_events(ctx, connecter, ZMQ_EVENT_CONNECTED);
    zt::connect(connecter, endpoint.c_str());
    auto accepted = binder_events.next();
    auto connected = connecter_events.next();
    ASSERT_TRUE(accepted && connected);

    zt::send_str(connecter, "to binder");
    tt::received_message at_binder(binder);
    ASSERT_TRUE(at_binder.ok());
    EXPECT_EQ(at_binder.get(ZMQ_SRCFD), static_cast<int>(accepted->value));

    zt::send_str(binder, "to connecter");
    tt::received_message at_connecter(connecter);
    ASSERT_TRUE(at_connecter.ok());
    EXPECT_EQ(at_connecter.get(ZMQ_SRCFD), static_cast<int>(connected->value));
}

} // namespace
