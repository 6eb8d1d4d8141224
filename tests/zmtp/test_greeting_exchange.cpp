// Our side of the greeting against peers of every version, and the rule
// that a socket with a security mechanism refuses 1.0/2.0 peers. The bytes
// expected are what Debian's libzmq 4.3.4 sends a raw client at each stage.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "zmtp/greeting_exchange.hpp"

using namespace zmx::zmtp;

namespace {

constexpr uint8_t zmq_pull = 7;

greeting_exchange make_exchange(std::string mechanism = "NULL", std::string routing_id = "") {
    return greeting_exchange({std::move(mechanism), false, zmq_pull, std::move(routing_id)});
}

bytes peer_greeting_3x() {
    std::array<uint8_t, greeting_size> g{};
    EXPECT_TRUE(encode_greeting(g, "NULL", false));
    return {g.begin(), g.end()};
}

// The 12-byte greeting of a 2.0 peer (revision 1) or a 1.0 peer that
// sends one (revision 0).
bytes peer_greeting_legacy(uint8_t revision, uint8_t socket_type = 8) {
    bytes g = peer_greeting_3x();
    g.resize(legacy_greeting_size);
    g[10] = revision;
    g[11] = socket_type;
    return g;
}

// Everything we send: the signature, then what answers `peer` fed in one go.
bytes exchange_all(greeting_exchange& exchange, const bytes& peer,
                   greeting_exchange::status expected = greeting_exchange::status::complete) {
    bytes out;
    exchange.start(out);
    size_t consumed = 0;
    EXPECT_EQ(exchange.feed(peer, consumed, out), expected);
    return out;
}

bytes signature(size_t routing_id_size) {
    std::array<uint8_t, signature_size> s{};
    encode_signature(s, routing_id_size);
    return {s.begin(), s.end()};
}

bytes concat(bytes a, const bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

TEST(zmtp_greeting_exchange, OnlyTheSignatureGoesFirst) {
    auto exchange = make_exchange("NULL", "abc");
    bytes out;
    exchange.start(out);
    EXPECT_EQ(out, (bytes{0xFF, 0, 0, 0, 0, 0, 0, 0, 4, 0x7F}));
}

TEST(zmtp_greeting_exchange, AThreeXPeerGetsOurVersionThenTheRestInStages) {
    auto exchange = make_exchange();
    const bytes peer = peer_greeting_3x();
    bytes out;
    size_t consumed = 0;
    EXPECT_EQ(exchange.feed({peer.data(), 9}, consumed, out), greeting_exchange::status::need_more);
    EXPECT_TRUE(out.empty());  // nothing before its signature is complete
    EXPECT_EQ(exchange.feed({peer.data() + 9, 1}, consumed, out), greeting_exchange::status::need_more);
    EXPECT_EQ(out, bytes{our_version_major});
    EXPECT_EQ(exchange.feed({peer.data() + 10, 1}, consumed, out), greeting_exchange::status::need_more);
    const bytes ours = peer_greeting_3x();  // our 3.1 NULL greeting is the same
    EXPECT_EQ(out, bytes(ours.begin() + signature_size, ours.end()));
    out.clear();
    EXPECT_EQ(exchange.feed({peer.data() + 11, peer.size() - 11}, consumed, out), greeting_exchange::status::complete);
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(consumed, greeting_size);
    EXPECT_EQ(exchange.peer().version, peer_version::zmtp3);
    EXPECT_EQ(exchange.peer().mechanism, "NULL");
}

TEST(zmtp_greeting_exchange, AThreeXGreetingInOneGoGetsOurWholeGreeting) {
    auto exchange = make_exchange();
    const bytes out = exchange_all(exchange, peer_greeting_3x());
    const bytes ours = peer_greeting_3x();
    EXPECT_EQ(out, concat(signature(0), bytes(ours.begin() + signature_size, ours.end())));
}

TEST(zmtp_greeting_exchange, AZmtp20PeerGetsOurSocketTypeAndIdentityFrame) {
    auto exchange = make_exchange("NULL", "abc");
    const bytes out = exchange_all(exchange, peer_greeting_legacy(1));
    // 3, PULL, then a 2.0 frame: flags 0, size 3, "abc".
    EXPECT_EQ(out, concat(signature(3), {3, zmq_pull, 0x00, 3, 'a', 'b', 'c'}));
    EXPECT_EQ(exchange.peer().version, peer_version::zmtp2);
    EXPECT_EQ(exchange.peer().socket_type, 8);
}

TEST(zmtp_greeting_exchange, ARevisionZeroPeerGetsTheIdentityIn10Framing) {
    auto exchange = make_exchange("NULL", "abc");
    const bytes out = exchange_all(exchange, peer_greeting_legacy(0));
    // A 1.0 frame: length 4 (flags and body), flags 0, "abc".
    EXPECT_EQ(out, concat(signature(3), {3, zmq_pull, 4, 0x00, 'a', 'b', 'c'}));
    EXPECT_EQ(exchange.peer().version, peer_version::zmtp1);
}

TEST(zmtp_greeting_exchange, AnEmptyRoutingIdIsAnEmptyIdentityFrame) {
    auto v2 = make_exchange();
    EXPECT_EQ(exchange_all(v2, peer_greeting_legacy(1)), concat(signature(0), {3, zmq_pull, 0x00, 0}));
    auto v1 = make_exchange();
    EXPECT_EQ(exchange_all(v1, peer_greeting_legacy(0)), concat(signature(0), {3, zmq_pull, 1, 0x00}));
}

TEST(zmtp_greeting_exchange, AnUnversionedPeerGetsOnlyTheIdentityBody) {
    // Our signature was the header of our identity frame: no version byte.
    auto exchange = make_exchange("NULL", "abc");
    const bytes out = exchange_all(exchange, {0x01, 0x00});
    EXPECT_EQ(out, concat(signature(3), {'a', 'b', 'c'}));
    EXPECT_EQ(exchange.peer().version, peer_version::zmtp1_unversioned);
    EXPECT_EQ(exchange.received().size(), 1u);
}

TEST(zmtp_greeting_exchange, AnUnversionedPeerWithALongIdentityIsKnownAtItsTenthByte) {
    auto exchange = make_exchange();
    bytes peer = signature(300);
    peer[9] = 0x00;  // the flags of a 1.0 frame, not 0x7F
    bytes out;
    size_t consumed = 0;
    EXPECT_EQ(exchange.feed(peer, consumed, out), greeting_exchange::status::complete);
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(consumed, signature_size);
    EXPECT_EQ(exchange.peer().version, peer_version::zmtp1_unversioned);
}

TEST(zmtp_greeting_exchange, AFinishedExchangeTakesNothingMore) {
    auto exchange = make_exchange();
    const bytes peer = peer_greeting_3x();
    exchange_all(exchange, peer);
    bytes out;
    size_t consumed = 0;
    EXPECT_EQ(exchange.feed(peer, consumed, out), greeting_exchange::status::complete);
    EXPECT_EQ(consumed, 0u);
    EXPECT_TRUE(out.empty());
}

TEST(zmtp_greeting_exchange, OnlyTheNullMechanismWithoutZapAcceptsLegacyPeers) {
    EXPECT_TRUE(accepts_legacy_peers("NULL", false));
    EXPECT_FALSE(accepts_legacy_peers("NULL", true)) << "a legacy peer would skip the ZAP handler";
    EXPECT_FALSE(accepts_legacy_peers("PLAIN", false));
    EXPECT_FALSE(accepts_legacy_peers("CURVE", false));
}

TEST(zmtp_greeting_exchange, ASecureSocketRefusesEveryLegacyPeer) {
    for (std::string mechanism : {"PLAIN", "CURVE"}) {
        for (uint8_t revision : {0, 1}) {
            auto exchange = make_exchange(mechanism);
            // Refused at the revision byte: neither socket type nor identity
            // goes out (nor, the greeting coming in one piece, our version).
            const bytes out = exchange_all(exchange, peer_greeting_legacy(revision), greeting_exchange::status::refused);
            EXPECT_EQ(out, signature(0)) << mechanism << int(revision);
        }
        auto unversioned = make_exchange(mechanism);
        EXPECT_EQ(exchange_all(unversioned, {0x01, 0x00}, greeting_exchange::status::refused), signature(0));
    }
}

TEST(zmtp_greeting_exchange, ASecureSocketTakesAThreeXPeer) {
    auto exchange = make_exchange("CURVE");
    exchange_all(exchange, peer_greeting_3x());
    EXPECT_EQ(exchange.peer().version, peer_version::zmtp3);
}
