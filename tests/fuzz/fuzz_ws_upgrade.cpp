// Fuzz target: the HTTP/1.1 upgrade of ws:// (src/transport/ws_upgrade.*
// over http_head.*), as the server reading a request or as the client
// reading the response to its own request.
//
// Input: [max read size] [role: bit 0 set = client] then the peer's bytes.
//
// Checked: the parser consumes a read whole until it decides, never more
// than the head's bounds allow, and decides once; a server that accepts
// answers "101" with an accept key and the subprotocol, one that refuses
// answers "400"; the server never accepts without the headers a WebSocket
// upgrade needs; a client accepts only the response carrying the accept
// key of its own (random) request, which a fuzzer cannot guess.
#include "fuzz_support.hpp"

#include "transport/http_head.hpp"
#include "transport/ws_upgrade.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace {

using zmx::fuzz::byte_span;
using zmx::upgrade_status;

constexpr size_t head_bound = zmx::http_head::max_head;

bool starts_with(const std::vector<uint8_t>& bytes, std::string_view prefix) {
    return std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()).starts_with(prefix);
}

bool contains(byte_span bytes, std::string_view text) {
    return std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()).find(text) !=
           std::string_view::npos;
}

// The bytes in lower case: header names and some values ignore case.
std::vector<uint8_t> lower(byte_span bytes) {
    std::vector<uint8_t> out(bytes.begin(), bytes.end());
    for (auto& byte : out)
        if (byte >= 'A' && byte <= 'Z')
            byte = static_cast<uint8_t>(byte - 'A' + 'a');
    return out;
}

template <typename Feed>
upgrade_status run(byte_span stream, uint8_t max_read, size_t& total, Feed feed) {
    zmx::fuzz::chunked_stream reads(stream, max_read);
    while (!reads.at_end()) {
        const byte_span offered = reads.pending();
        size_t consumed = 0;
        const upgrade_status status = feed(offered, consumed);
        FUZZ_REQUIRE(consumed <= offered.size());
        reads.consume(consumed);
        total = reads.position();
        FUZZ_REQUIRE(total <= head_bound);
        if (status != upgrade_status::need_more)
            return status;
        FUZZ_REQUIRE(consumed == offered.size());
    }
    return upgrade_status::need_more;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    zmx::fuzz::input_reader input({data, size});
    const uint8_t max_read = input.take_byte();
    const bool client = input.take_byte() & 1;
    const byte_span stream = input.rest();
    size_t total = 0;
    if (client) {
        zmx::ws_upgrade_client upgrade("NULL", "127.0.0.1:5555", "/");
        std::vector<uint8_t> request;
        upgrade.start(request);
        FUZZ_REQUIRE(starts_with(request, "GET / HTTP/1.1\r\n"));
        const upgrade_status status = run(stream, max_read, total, [&](byte_span in, size_t& consumed) {
            return upgrade.feed(in, consumed);
        });
        FUZZ_REQUIRE(status != upgrade_status::done);
        return 0;
    }
    zmx::ws_upgrade_server upgrade("NULL", true);
    std::vector<uint8_t> answer;
    const upgrade_status status = run(stream, max_read, total, [&](byte_span in, size_t& consumed) {
        return upgrade.feed(in, consumed, answer);
    });
    if (status == upgrade_status::need_more) {
        FUZZ_REQUIRE(answer.empty());
    } else if (status == upgrade_status::refused) {
        FUZZ_REQUIRE(starts_with(answer, "HTTP/1.1 400 "));
    } else {
        FUZZ_REQUIRE(starts_with(answer, "HTTP/1.1 101 "));
        const std::string_view chosen = upgrade.bare() ? "ZWS2.0" : "ZWS2.0/NULL";
        FUZZ_REQUIRE(contains(answer, "\r\nSec-WebSocket-Protocol: " + std::string(chosen) + "\r\n"));
        FUZZ_REQUIRE(contains(stream.first(total), "GET ") && contains(stream.first(total), chosen));
        const std::vector<uint8_t> head = lower(stream.first(total));
        for (std::string_view needed : {"\r\nupgrade:", "websocket", "\r\nconnection:", "\r\nsec-websocket-key:"})
            FUZZ_REQUIRE(contains(head, needed));
    }
    return 0;
}
