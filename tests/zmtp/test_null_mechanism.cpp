// The NULL mechanism as a sans-I/O state machine: what it sends first, and
// its answer to each kind of command a peer may send in the handshake.
#include <gtest/gtest.h>

#include <zmq.h>

#include <string>

#include "zmtp/commands.hpp"
#include "zmtp/encoder.hpp"
#include "zmtp/null_mechanism.hpp"

using namespace zmx::zmtp;

namespace {

using outcome = mechanism::outcome;

byte_view view(const std::string& text) { return {reinterpret_cast<const uint8_t*>(text.data()), text.size()}; }

bytes ready_of(const property_list& properties) {
    bytes body;
    EXPECT_TRUE(encode_ready(body, properties));
    return body;
}

// The framed command a mechanism appended: flags, size, then the body.
std::string body_of_framed(const bytes& framed) {
    EXPECT_GE(framed.size(), 2u);
    EXPECT_EQ(framed[0], command_flag);
    return {reinterpret_cast<const char*>(framed.data()) + 2, framed.size() - 2};
}

null_mechanism dealer() {
    our_properties us;
    us.socket_type = ZMQ_DEALER;
    us.announce_routing_id = true;
    us.routing_id = "me";
    us.metadata = {{"X-Colour", "blue"}};
    return null_mechanism(us);
}

} // namespace

TEST(zmtp_null_mechanism, StartsWithReadyAnnouncingUs) {
    null_mechanism m = dealer();
    bytes out;
    EXPECT_EQ(m.start(out), outcome::handshaking);
    bytes expected_body;
    ASSERT_TRUE(encode_ready(expected_body, {{"Socket-Type", "DEALER"}, {"Identity", "me"}, {"X-Colour", "blue"}}));
    EXPECT_EQ(body_of_framed(out), std::string(expected_body.begin(), expected_body.end()));
}

TEST(zmtp_null_mechanism, IsReadyWithACompatiblePeersProperties) {
    null_mechanism m = dealer();
    bytes out;
    const property_list peer{{"Socket-Type", "ROUTER"}, {"X-Name", "it"}};
    EXPECT_EQ(m.take_command(ready_of(peer), out), outcome::ready);
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(m.peer_properties(), peer);
}

TEST(zmtp_null_mechanism, RefusesAnIncompatiblePeerWithAnError) {
    null_mechanism m = dealer();
    bytes out;
    EXPECT_EQ(m.take_command(ready_of({{"Socket-Type", "PUB"}}), out), outcome::failed);
    bytes error;
    ASSERT_TRUE(encode_error(error, "Invalid socket type"));
    EXPECT_EQ(body_of_framed(out), std::string(error.begin(), error.end()));
    EXPECT_EQ(m.failure().event, 0) << "reported as a disconnection only";
}

TEST(zmtp_null_mechanism, APeersErrorEndsItQuietly) {
    null_mechanism m = dealer();
    bytes out;
    bytes error;
    ASSERT_TRUE(encode_error(error, "go away"));
    EXPECT_EQ(m.take_command(error, out), outcome::failed);
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(m.failure().event, 0);
}

TEST(zmtp_null_mechanism, ProtocolErrorsCarryTheirCode) {
    struct case_t {
        std::string body;
        uint32_t code;
    };
    const std::string malformed_ready = std::string("\x05READY\x0bSocket-Type\0\0\0\x09" "DEAL", 24);
    const case_t cases[] = {
        {"", ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED},
        {"\x05PING", ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED},  // a name longer than the body
        {malformed_ready, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_READY},
        {std::string("\x05HELLO"), ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND},
    };
    for (const auto& c : cases) {
        null_mechanism m = dealer();
        bytes out;
        EXPECT_EQ(m.take_command(view(c.body), out), outcome::failed) << c.body;
        EXPECT_EQ(m.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL) << c.body;
        EXPECT_EQ(m.failure().value, c.code) << c.body;
        EXPECT_TRUE(out.empty());
    }
}
