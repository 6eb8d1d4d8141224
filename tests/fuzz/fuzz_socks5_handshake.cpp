// Fuzz target: the client side of a SOCKS5 exchange
// (src/transport/socks5_handshake.*), fed what a hostile proxy might send.
//
// Input: [max read size] [setup: bit 0 a username is set, bits 1-2 the
// target: an IPv4 literal, a name, an IPv6 literal] then the proxy's bytes,
// offered in reads of varying size, never more than bytes_wanted() at once,
// with all pending output written before each read, as the connecter does.
//
// Checked against the exchange restated here (RFC 1928/1929 as
// socks5_handshake.hpp documents it):
//   - the handshake asks for at most one reply's bytes (262) at a time and
//     never for a byte past the reply that decides it;
//   - it succeeds exactly when the proxy's bytes are a choice of the one
//     method offered, an accepted authentication when that was asked, and
//     a successful CONNECT reply of a known address type, and then it has
//     taken exactly those bytes; otherwise it fails as soon as a reply
//     shows the fault, with an errno, or waits for more;
//   - what it sends is the greeting, the credentials, the CONNECT request,
//     each only once the reply before it has come.
#include "fuzz_support.hpp"

#include "transport/socks5_handshake.hpp"

#include <string>
#include <vector>

namespace {

using zmx::fuzz::byte_span;
using zmx::socks5_handshake;
using handshake_status = socks5_handshake::status;

constexpr const char* targets[] = {"192.0.2.7", "peer.example", "2001:db8::7", "peer.example"};

// What the restated exchange makes of the proxy's bytes: its decision and
// how many bytes it took to reach it (all of them while still waiting).
struct outcome {
    handshake_status status = handshake_status::working;
    size_t taken = 0;
};

outcome restated(byte_span proxy, bool with_username) {
    const auto decided = [](handshake_status status, size_t taken) { return outcome{status, taken}; };
    const auto waiting = outcome{handshake_status::working, proxy.size()};
    if (proxy.size() < 2)
        return waiting;
    const uint8_t offered = with_username ? 2 : 0;
    if (proxy[0] != 5 || proxy[1] != offered)
        return decided(handshake_status::failed, 2);
    size_t at = 2;
    if (with_username) {
        if (proxy.size() < at + 2)
            return waiting;
        if (proxy[at] != 1 || proxy[at + 1] != 0)
            return decided(handshake_status::failed, at + 2);
        at += 2;
    }
    if (proxy.size() < at + 5)
        return waiting;
    const uint8_t type = proxy[at + 3];
    if (proxy[at] != 5 || proxy[at + 1] != 0 || proxy[at + 2] != 0 || (type != 1 && type != 3 && type != 4))
        return decided(handshake_status::failed, at + 5);
    const size_t address = type == 1 ? 4 : type == 4 ? 16 : 1 + size_t{proxy[at + 4]};
    const size_t end = at + 4 + address + 2;
    return proxy.size() < end ? waiting : decided(handshake_status::done, end);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    zmx::fuzz::input_reader input({data, size});
    const uint8_t max_read = input.take_byte();
    const uint8_t setup = input.take_byte();
    const bool with_username = setup & 1;
    zmx::socks5_target target{targets[(setup >> 1) & 3], 5555, with_username ? "user" : "", "password"};
    socks5_handshake handshake(target);
    FUZZ_REQUIRE(handshake.pending_output() == std::string("\x05\x01", 2) + static_cast<char>(with_username ? 2 : 0));

    const byte_span proxy = input.rest();
    zmx::fuzz::chunked_stream reads(proxy, max_read);
    std::vector<std::string> sent;
    while (handshake.current() == handshake_status::working && !reads.at_end()) {
        if (!handshake.pending_output().empty()) {
            sent.emplace_back(handshake.pending_output());
            handshake.output_written(sent.back().size());
        }
        const size_t wanted = handshake.bytes_wanted();
        FUZZ_REQUIRE(wanted > 0 && wanted <= socks5_handshake::longest_reply);
        const byte_span offered = reads.pending();
        const size_t count = std::min(offered.size(), wanted);
        handshake.input(offered.data(), count);
        reads.consume(count);
    }

    const outcome expected = restated(proxy, with_username);
    FUZZ_REQUIRE(handshake.current() == expected.status);
    FUZZ_REQUIRE(reads.position() == expected.taken);
    FUZZ_REQUIRE((handshake.current() == handshake_status::failed) == (handshake.error() != 0));
    if (handshake.current() != handshake_status::working)
        FUZZ_REQUIRE(handshake.bytes_wanted() == 0);
    // The credentials, then the CONNECT, each sent once its turn came.
    const bool chose_method = expected.taken > 2 || expected.status == handshake_status::done;
    if (chose_method && with_username)
        FUZZ_REQUIRE(sent.size() >= 2 && sent[1] == std::string("\x01\x04user\x08password", 15));
    if (expected.status == handshake_status::done) {
        FUZZ_REQUIRE(sent.size() == (with_username ? 3u : 2u));
        FUZZ_REQUIRE(sent.back().starts_with(std::string("\x05\x01\x00", 3)) && sent.back().ends_with("\x15\xb3"));
    }
    return 0;
}
