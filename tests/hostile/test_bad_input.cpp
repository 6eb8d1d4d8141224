// What a raw tcp client sends that no ZMTP peer would: garbage, a wrong
// signature, an unknown mechanism, a greeting cut short, frames with
// reserved bits or absurd sizes. Each time the socket under attack drops
// that connection (at once, or when ZMQ_HANDSHAKE_IVL is over for input
// that might still turn into a legacy greeting), goes on serving its good
// peer, and holds no more memory than a connection costs.
#include "attacked_router.hpp"
#include "heap_gauge.hpp"
#include "raw_peer.hpp"
#include "zmtp_bytes.hpp"

#include <cstdint>
#include <string>

namespace {

using tt::raw_peer;

// What one attacking connection may make the socket hold: its session and
// engine with their buffers, far below what any claimed length would cost.
constexpr int64_t connection_allowance = 256 * ht::kib;

struct attack {
    const char* name;
    std::string bytes;
};

void PrintTo(const attack& a, std::ostream* os) { *os << a.name; }

std::string after_handshake(const std::string& bytes) { return raw_peer::ready("DEALER") + bytes; }

// Bytes sent right after the greeting exchange (see complete_greeting):
// everything a handshaken peer might send wrongly.
std::vector<attack> after_greeting_attacks() {
    return {
        {"message_before_ready", raw_peer::message("sneaked in")},
        {"reserved_flag_bits", std::string("\xf0\x05hello")},
        {"malformed_ready", raw_peer::command("READY", std::string("\x0bSocket-Type\0\0\x01\0DEALER", 21))},
        {"frame_claiming_2_pow_63", after_handshake(ht::long_frame_header(0, uint64_t{1} << 63) + "body")},
        {"frame_claiming_2_pow_64_less_1", after_handshake(ht::long_frame_header(0, ~uint64_t{0}) + "body")},
        {"command_claiming_2_pow_63", after_handshake(ht::long_frame_header(ht::command_flag, uint64_t{1} << 63))},
    };
}

// Flags RFC 37 rules out once the handshake is done, which libzmq 4.3.4
// lets through (it delivers the frame) and zmx refuses.
std::vector<attack> strict_flag_attacks() {
    return {
        {"reserved_flags_after_handshake", after_handshake("\x08\x01x")},
        {"command_flagged_more", after_handshake(std::string{ht::command_flag | ht::more_flag, 1, 'x'})},
    };
}

// Bytes sent in place of a greeting.
std::vector<attack> greeting_attacks() {
    return {
        {"http_request", "GET / HTTP/1.1\r\nHost: zmx\r\n\r\n"},
        {"zero_bytes", std::string(64, '\0')},
        {"wrong_signature", std::string("\xff\0\0\0\0\0\0\0\0\x7e", 10) + std::string(54, '\0')},
        {"unknown_mechanism", raw_peer::greeting("NOPE")},
        {"greeting_cut_short_then_silence", raw_peer::greeting("NULL").substr(0, 30)},
        {"all_ones", std::string(256, '\xff')},
    };
}

std::string case_name(const ::testing::TestParamInfo<attack>& info) { return info.param.name; }

void expect_dropped_while_good_peer_served(ht::attacked_router& server, tt::raw_peer& client, size_t heap_before) {
    EXPECT_TRUE(server.serves_good_peer("during the attack"));
    EXPECT_LT(ht::heap_growth_since(heap_before), connection_allowance);
    EXPECT_TRUE(client.closed_by_peer()) << "the attacker's connection stayed open";
    EXPECT_TRUE(server.saw_disconnect());
    EXPECT_TRUE(server.serves_good_peer("after the attack"));
}

class BadGreeting : public ::testing::TestWithParam<attack> {};
INSTANTIATE_TEST_SUITE_P(Attacks, BadGreeting, ::testing::ValuesIn(greeting_attacks()), case_name);

TEST_P(BadGreeting, EndsThatConnectionOnly) {
    ht::attacked_router server;
    const size_t heap_before = ht::heap_in_use();
    raw_peer client(server.endpoint());
    client.send_unless_closed(GetParam().bytes);
    expect_dropped_while_good_peer_served(server, client, heap_before);
}

// Sends `bytes` once the greetings are exchanged.
void attack_after_greeting(const std::string& bytes) {
    ht::attacked_router server;
    const size_t heap_before = ht::heap_in_use();
    raw_peer client(server.endpoint());
    ASSERT_TRUE(client.send_unless_closed(raw_peer::greeting("NULL")));
    ASSERT_EQ(client.receive(64).size(), 64u);
    client.send_unless_closed(bytes);
    expect_dropped_while_good_peer_served(server, client, heap_before);
}

class BadFrames : public ::testing::TestWithParam<attack> {};
INSTANTIATE_TEST_SUITE_P(Attacks, BadFrames, ::testing::ValuesIn(after_greeting_attacks()), case_name);

TEST_P(BadFrames, EndThatConnectionOnly) { attack_after_greeting(GetParam().bytes); }

class BadFlags : public ::testing::TestWithParam<attack> {};
INSTANTIATE_TEST_SUITE_P(Attacks, BadFlags, ::testing::ValuesIn(strict_flag_attacks()), case_name);

TEST_P(BadFlags, ZmxOnlyEndThatConnectionOnly) { attack_after_greeting(GetParam().bytes); }

TEST(BadInput, AGreetingCutShortThenAHangUpEndsThatConnectionOnly) {
    ht::attacked_router server;
    raw_peer client(server.endpoint());
    client.send_unless_closed(raw_peer::greeting("NULL").substr(0, 20));
    client.hang_up();
    EXPECT_TRUE(server.saw_disconnect());
    EXPECT_TRUE(server.serves_good_peer("after the attack"));
}

TEST(BadInput, AFrameJustOverMaxMsgSizeEndsThatConnectionOnly) {
    constexpr int64_t limit = 1000;
    ht::attacked_router server({.maxmsgsize = limit});
    const size_t heap_before = ht::heap_in_use();
    raw_peer client(server.endpoint());
    ASSERT_TRUE(ht::complete_handshake(client, "DEALER"));
    client.send_unless_closed(ht::long_frame_header(0, limit + 1) + std::string(100, 'x'));
    expect_dropped_while_good_peer_served(server, client, heap_before);
}

// libzmq 4.3.4 allocates a frame's whole claimed size from its header
// (or fails); zmx refuses any frame over 64 KiB before the handshake is
// done, at once, without waiting for ZMQ_HANDSHAKE_IVL (0 here: no limit).
void expect_large_command_refused_before_handshake(uint64_t claimed) {
    ht::attacked_router server({.handshake_ivl_ms = 0});
    const size_t heap_before = ht::heap_in_use();
    raw_peer client(server.endpoint());
    ASSERT_TRUE(client.send_unless_closed(raw_peer::greeting("NULL")));
    ASSERT_EQ(client.receive(64).size(), 64u);
    client.send_unless_closed(ht::long_frame_header(ht::command_flag, claimed) + "\x05READY");
    expect_dropped_while_good_peer_served(server, client, heap_before);
}

TEST(BadInput, ZmxOnlyACommandClaimingAMebibyteBeforeTheHandshakeIsRefusedAtOnce) {
    expect_large_command_refused_before_handshake(ht::mib);
}

TEST(BadInput, ZmxOnlyACommandClaimingGibibytesBeforeTheHandshakeIsRefusedAtOnce) {
    expect_large_command_refused_before_handshake(uint64_t{1} << 32);
}

// After the handshake a large message is legitimate (no ZMQ_MAXMSGSIZE),
// but its claimed length buys nothing: the buffer grows with the bytes
// that actually arrive, where libzmq 4.3.4 reserves the whole claim.
void expect_claim_costs_only_what_arrives(uint64_t claimed) {
    ht::attacked_router server;
    const size_t heap_before = ht::heap_in_use();
    raw_peer client(server.endpoint());
    ASSERT_TRUE(ht::complete_handshake(client, "DEALER"));
    constexpr size_t sent = 100 * ht::kib;
    ASSERT_TRUE(client.send_unless_closed(ht::long_frame_header(0, claimed) + std::string(sent, 'x')));
    // Once the socket has read what was sent, its heap has grown by at least
    // that much; then it must not have grown by much more.
    EXPECT_TRUE(ht::heap_grows_by(heap_before, sent)) << "the body's bytes were never taken in";
    EXPECT_TRUE(server.serves_good_peer("during the claim"));
    EXPECT_LT(ht::heap_growth_since(heap_before), static_cast<int64_t>(2 * ht::mib))
        << "a claimed length of " << claimed << " bytes reserved memory before its bytes came";
    client.hang_up();
    EXPECT_TRUE(server.saw_disconnect());
    EXPECT_TRUE(server.serves_good_peer("after the claim"));
    EXPECT_LT(ht::heap_growth_since(heap_before), connection_allowance) << "the half-received body was not freed";
}

TEST(BadInput, ZmxOnlyAFrameClaimingFourGibibytesCostsOnlyWhatArrives) {
    expect_claim_costs_only_what_arrives(uint64_t{1} << 32);
}

TEST(BadInput, ZmxOnlyAFrameClaimingTheLargestLegalSizeCostsOnlyWhatArrives) {
    expect_claim_costs_only_what_arrives((uint64_t{1} << 63) - 1);
}

}  // namespace
