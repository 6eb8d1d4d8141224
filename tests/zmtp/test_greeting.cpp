#include <gtest/gtest.h>

#include <array>
#include <utility>
#include <vector>

#include "zmtp/greeting.hpp"

using namespace zmx::zmtp;

namespace {

std::array<uint8_t, greeting_size> make_greeting(std::string_view mechanism, bool as_server) {
    std::array<uint8_t, greeting_size> g{};
    EXPECT_TRUE(encode_greeting(g, mechanism, as_server));
    return g;
}

struct parsed {
    greeting_parser::status status;
    size_t consumed = 0;
    peer_greeting peer;
    size_t received = 0;
};

// Parses a NULL greeting, fed in one piece, with byte `index` set to `value`.
parsed parse_with_byte(size_t index, uint8_t value) {
    auto g = make_greeting("NULL", false);
    g[index] = value;
    greeting_parser parser;
    parsed result;
    result.status = parser.feed(g, result.consumed);
    result.peer = parser.peer();
    result.received = parser.received().size();
    return result;
}

} // namespace

TEST(zmtp_greeting, EncodesTheRfcLayout) {
    auto g = make_greeting("NULL", false);
    EXPECT_EQ(g[0], 0xFF);
    for (size_t i = 1; i <= 8; ++i)
        EXPECT_EQ(g[i], 0) << i;
    EXPECT_EQ(g[9], 0x7F);
    EXPECT_EQ(g[10], 3);
    EXPECT_EQ(g[11], 1);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(&g[12]), 4), "NULL");
    for (size_t i = 16; i < 32; ++i)
        EXPECT_EQ(g[i], 0) << i;
    EXPECT_EQ(g[32], 0);
    for (size_t i = 33; i < 64; ++i)
        EXPECT_EQ(g[i], 0) << i;
    EXPECT_EQ(make_greeting("PLAIN", true)[32], 1);
}

TEST(zmtp_greeting, RefusesAMechanismLongerThanTwentyBytes) {
    std::array<uint8_t, greeting_size> g{};
    EXPECT_TRUE(encode_greeting(g, "ABCDEFGHIJKLMNOPQRST", false));
    EXPECT_FALSE(encode_greeting(g, "ABCDEFGHIJKLMNOPQRSTU", false));
}

TEST(zmtp_greeting, ParsesAWholeGreetingAndStopsAtItsEnd) {
    auto g = make_greeting("CURVE", true);
    std::vector<uint8_t> wire(g.begin(), g.end());
    wire.push_back(0x04);  // the first byte of the next frame is left alone
    greeting_parser parser;
    size_t consumed = 0;
    ASSERT_EQ(parser.feed(wire, consumed), greeting_parser::status::complete);
    EXPECT_EQ(consumed, greeting_size);
    EXPECT_EQ(parser.peer().major, 3);
    EXPECT_EQ(parser.peer().minor, 1);
    EXPECT_EQ(parser.peer().mechanism, "CURVE");
    EXPECT_TRUE(parser.peer().as_server);
}

TEST(zmtp_greeting, ParsesOneByteAtATime) {
    auto g = make_greeting("ABCDEFGHIJKLMNOPQRST", false);  // no NUL at all
    greeting_parser parser;
    size_t consumed = 0;
    for (size_t i = 0; i + 1 < greeting_size; ++i)
        ASSERT_EQ(parser.feed({&g[i], 1}, consumed), greeting_parser::status::need_more) << i;
    ASSERT_EQ(parser.feed({&g[63], 1}, consumed), greeting_parser::status::complete);
    EXPECT_EQ(consumed, greeting_size);
    EXPECT_EQ(parser.peer().mechanism, "ABCDEFGHIJKLMNOPQRST");
    EXPECT_FALSE(parser.peer().as_server);
}

TEST(zmtp_greeting, IgnoresThePadding) {
    auto g = make_greeting("NULL", false);
    for (size_t i = 1; i <= 8; ++i)
        g[i] = 0xAB;
    greeting_parser parser;
    size_t consumed = 0;
    EXPECT_EQ(parser.feed(g, consumed), greeting_parser::status::complete);
}

TEST(zmtp_greeting, AcceptsHigherVersions) {
    auto g = make_greeting("NULL", false);
    g[10] = 4;
    g[11] = 0;
    greeting_parser parser;
    size_t consumed = 0;
    ASSERT_EQ(parser.feed(g, consumed), greeting_parser::status::complete);
    EXPECT_EQ(parser.peer().major, 4);
    EXPECT_EQ(parser.peer().minor, 0);
}

TEST(zmtp_greeting, AFirstByteOtherThan0xFFIsAnUnversionedZmtp10Peer) {
    const uint8_t wire[] = {0x01, 0x00};  // a ZMTP 1.0 identity frame
    greeting_parser parser;
    size_t consumed = 0;
    EXPECT_EQ(parser.feed(wire, consumed), greeting_parser::status::complete);
    EXPECT_EQ(consumed, 1u);
    EXPECT_EQ(parser.peer().version, peer_version::zmtp1_unversioned);
    ASSERT_EQ(parser.received().size(), 1u);  // the start of its identity frame
    EXPECT_EQ(parser.received()[0], 0x01);
    EXPECT_EQ(parser.feed(wire, consumed), greeting_parser::status::complete);
    EXPECT_EQ(consumed, 1u);
}

TEST(zmtp_greeting, ATenthByteWithItsLowBitClearIsAnUnversionedZmtp10Peer) {
    // 0xFF, an 8-byte length, flags 0: a 1.0 identity frame of 254+ bytes.
    const parsed p = parse_with_byte(9, 0x7E);
    EXPECT_EQ(p.status, greeting_parser::status::complete);
    EXPECT_EQ(p.consumed, signature_size);
    EXPECT_EQ(p.peer.version, peer_version::zmtp1_unversioned);
    EXPECT_EQ(p.received, signature_size);
}

TEST(zmtp_greeting, OnlyTheLowBitOfTheTenthByteMatters) {
    const parsed p = parse_with_byte(9, 0x01);
    EXPECT_EQ(p.status, greeting_parser::status::complete);
    EXPECT_EQ(p.peer.version, peer_version::zmtp3);
}

TEST(zmtp_greeting, RevisionsZeroAndOneHaveATwelveByteGreetingWithTheSocketType) {
    const std::pair<uint8_t, peer_version> cases[] = {{0, peer_version::zmtp1}, {1, peer_version::zmtp2}};
    for (auto [revision, version] : cases) {
        auto g = make_greeting("NULL", false);
        g[10] = revision;
        g[11] = 8;  // ZMQ_PUSH
        greeting_parser parser;
        size_t consumed = 0;
        ASSERT_EQ(parser.feed({g.data(), greeting_version_size}, consumed), greeting_parser::status::need_more);
        EXPECT_EQ(parser.peer().version, version);  // known from the revision byte on
        ASSERT_EQ(parser.feed({g.data() + consumed, g.size() - consumed}, consumed), greeting_parser::status::complete);
        EXPECT_EQ(consumed, legacy_greeting_size);  // what follows is its first frame
        EXPECT_EQ(parser.peer().major, revision);
        EXPECT_EQ(parser.peer().socket_type, 8);
    }
}

TEST(zmtp_greeting, RevisionTwoIsTreatedAsThreeX) {
    const parsed p = parse_with_byte(10, 2);
    ASSERT_EQ(p.status, greeting_parser::status::complete);
    EXPECT_EQ(p.consumed, greeting_size);
    EXPECT_EQ(p.peer.version, peer_version::zmtp3);
    EXPECT_EQ(p.peer.major, 2);
}

TEST(zmtp_greeting, TheSignatureCarriesTheRoutingIdSizePlusOne) {
    std::array<uint8_t, signature_size> s{};
    encode_signature(s, 3);
    const std::array<uint8_t, signature_size> expected{0xFF, 0, 0, 0, 0, 0, 0, 0, 4, 0x7F};
    EXPECT_EQ(s, expected);
}
