// Fuzz target: the greeting and version negotiation, both directions
// (src/zmtp/greeting_exchange.*, over greeting.*): which ZMTP version
// (1.0 without a greeting, 1.0, 2.0, 3.x) the peer's first bytes make it,
// what we send back at each stage, and the refusal of a legacy peer by a
// socket with a security mechanism.
//
// Input: [max read size] [our mechanism: bits 0-1 NULL/PLAIN/CURVE/NULL
// with a ZAP domain, bit 2 as-server] [our socket type] [our routing id's size] then the
// peer's first bytes, fed in reads of varying size. Checked against the
// rules restated here (RFC 13/15/23/37 and libzmq 4.3's detection, as
// greeting.hpp and greeting_exchange.hpp document them):
//   - the version is decided by the byte that decides it, and the parser
//     consumes exactly the greeting (never the peer's first frame);
//   - at every point, what we have sent is exactly what the peer's bytes
//     so far call for; a whole 3.x exchange sends our 64-byte greeting
//     (its padding holds our routing id's size, as the signature did);
//   - a legacy peer is refused iff our mechanism is not NULL or we ask ZAP;
//   - the peer's fields are read from the right bytes; final is final.
#include "fuzz_support.hpp"

#include "zmtp/encoder.hpp"
#include "zmtp/greeting.hpp"
#include "zmtp/greeting_exchange.hpp"

#include <array>
#include <cstring>
#include <string>
#include <vector>

namespace {

using zmx::fuzz::byte_span;
namespace zmtp = zmx::zmtp;
using exchange_status = zmtp::greeting_exchange::status;
using zmtp::peer_version;

constexpr const char* mechanisms[] = {"NULL", "PLAIN", "CURVE", "NULL"};

zmtp::greeting_exchange::our_side our_side_from(zmx::fuzz::input_reader& input) {
    const uint8_t mechanism = input.take_byte();
    zmtp::greeting_exchange::our_side us;
    us.mechanism = mechanisms[mechanism & 3];
    us.asks_zap = (mechanism & 3) == 3;
    us.as_server = mechanism & 4;
    us.socket_type = input.take_byte();
    us.routing_id.resize(input.take_byte());
    for (size_t i = 0; i < us.routing_id.size(); ++i)
        us.routing_id[i] = static_cast<char>('a' + i % 26);
    return us;
}

// The version the peer's bytes so far decide, if they decide one yet, and
// how many bytes its greeting has.
struct detection {
    bool known = false;
    peer_version version = peer_version::zmtp3;
    size_t greeting_size = 0;
};

detection detect(byte_span received) {
    if (!received.empty() && received[0] != 0xFF)
        return {true, peer_version::zmtp1_unversioned, 1};
    if (received.size() >= zmtp::signature_size && !(received[9] & 1))
        return {true, peer_version::zmtp1_unversioned, zmtp::signature_size};
    if (received.size() < zmtp::greeting_version_size)
        return {};
    switch (received[10]) {
    case 0: return {true, peer_version::zmtp1, zmtp::legacy_greeting_size};
    case 1: return {true, peer_version::zmtp2, zmtp::legacy_greeting_size};
    default: return {true, peer_version::zmtp3, zmtp::greeting_size};
    }
}

bool is_legacy(peer_version version) { return version != peer_version::zmtp3; }

std::vector<uint8_t> signature_of(const zmtp::greeting_exchange::our_side& us) {
    std::vector<uint8_t> signature{0xFF};
    const uint64_t length = us.routing_id.size() + 1;  // read by a 1.0 peer as a frame header
    for (int shift = 56; shift >= 0; shift -= 8)
        signature.push_back(static_cast<uint8_t>(length >> shift));
    signature.push_back(0x7F);
    return signature;
}

// Our identity frame for a legacy peer, in its framing. An unversioned 1.0
// peer read our signature as the header, so it gets the body alone.
std::vector<uint8_t> identity_frame(const zmtp::greeting_exchange::our_side& us, peer_version version) {
    std::vector<uint8_t> frame(zmtp::max_zmtp1_header_size);
    size_t header_size = 0;
    if (version == peer_version::zmtp1)
        header_size = zmtp::encode_zmtp1_frame_header(frame.data(), us.routing_id.size(), false);
    if (version == peer_version::zmtp2)
        header_size = zmtp::encode_frame_header(frame.data(), us.routing_id.size(), false, false);
    frame.resize(header_size);
    frame.insert(frame.end(), us.routing_id.begin(), us.routing_id.end());
    return frame;
}

// All we should have sent once the peer's bytes so far (not refused) came in.
std::vector<uint8_t> expected_output(const zmtp::greeting_exchange::our_side& us, byte_span received) {
    std::vector<uint8_t> out = signature_of(us);
    const detection peer = detect(received);
    const bool complete = peer.known && received.size() == peer.greeting_size;
    if (peer.known && peer.version == peer_version::zmtp1_unversioned) {
        out.insert(out.end(), us.routing_id.begin(), us.routing_id.end());
        return out;
    }
    if (received.size() >= zmtp::signature_size)
        out.push_back(zmtp::our_version_major);
    if (!peer.known)
        return out;
    if (!is_legacy(peer.version)) {
        // Our 3.x greeting, but for the padding, which holds our routing
        // id's size as in the signature sent first.
        std::array<uint8_t, zmtp::greeting_size> greeting;
        FUZZ_REQUIRE(zmtp::encode_greeting(greeting, us.mechanism, us.as_server));
        FUZZ_REQUIRE(out.back() == greeting[10]);
        out.insert(out.end(), greeting.begin() + zmtp::greeting_version_size, greeting.end());
        return out;
    }
    out.push_back(us.socket_type);
    if (complete) {
        const auto identity = identity_frame(us, peer.version);
        out.insert(out.end(), identity.begin(), identity.end());
    }
    return out;
}

void check_peer(const zmtp::peer_greeting& peer, byte_span greeting) {
    const detection want = detect(greeting);
    FUZZ_REQUIRE(want.known && peer.version == want.version);
    if (peer.version == peer_version::zmtp1_unversioned)
        return;
    FUZZ_REQUIRE(peer.major == greeting[10]);
    if (is_legacy(peer.version)) {
        FUZZ_REQUIRE(peer.socket_type == greeting[11]);
        return;
    }
    FUZZ_REQUIRE(peer.minor == greeting[11]);
    const auto* field = reinterpret_cast<const char*>(&greeting[12]);
    FUZZ_REQUIRE(peer.mechanism.size() == strnlen(field, zmtp::mechanism_name_size));
    FUZZ_REQUIRE(std::memcmp(peer.mechanism.data(), field, peer.mechanism.size()) == 0);
    FUZZ_REQUIRE(peer.as_server == (greeting[32] != 0));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    zmx::fuzz::input_reader input({data, size});
    const uint8_t max_read = input.take_byte();
    const auto us = our_side_from(input);
    const byte_span stream = input.rest();

    zmtp::greeting_exchange exchange(us);
    zmtp::bytes sent;
    exchange.start(sent);
    FUZZ_REQUIRE(sent == signature_of(us));
    zmx::fuzz::chunked_stream reads(stream, max_read);
    exchange_status status = exchange_status::need_more;
    while (status == exchange_status::need_more && !reads.at_end()) {
        const byte_span offered = reads.pending();
        size_t consumed = 0;
        status = exchange.feed(offered, consumed, sent);
        reads.consume(consumed);
        const byte_span received = stream.first(reads.position());
        FUZZ_REQUIRE(zmx::fuzz::same_bytes(exchange.received(), received));
        const detection peer = detect(received);
        const bool refuse = peer.known && is_legacy(peer.version) && (us.mechanism != "NULL" || us.asks_zap);
        FUZZ_REQUIRE((status == exchange_status::refused) == refuse);
        if (refuse) {
            // What was sent before the refusal depends on how the reads fell;
            // never more than the version stage.
            const auto before_refusal = expected_output(us, received.first(zmtp::signature_size));
            FUZZ_REQUIRE(sent.size() <= before_refusal.size() &&
                         zmx::fuzz::same_bytes(sent, byte_span(before_refusal).first(sent.size())));
            break;
        }
        FUZZ_REQUIRE(sent == expected_output(us, received));
        const bool complete = peer.known && received.size() == peer.greeting_size;
        FUZZ_REQUIRE((status == exchange_status::complete) == complete);
        FUZZ_REQUIRE(status != exchange_status::need_more || consumed == offered.size());
    }
    if (status == exchange_status::need_more)
        return 0;

    // Final: feeding more changes nothing, consumes and sends nothing.
    const size_t sent_before = sent.size();
    size_t consumed = 0;
    FUZZ_REQUIRE(exchange.feed(stream, consumed, sent) == status);
    FUZZ_REQUIRE(consumed == 0 && sent.size() == sent_before);
    if (status == exchange_status::complete)
        check_peer(exchange.peer(), stream.first(reads.position()));
    return 0;
}
