// Fuzz target: the WebSocket frame decoder of ws:// (src/transport/
// ws_frame_decoder.*), as a server (client frames must be masked) or as a
// client (server frames must not be).
//
// Input: [max read size] [role: bit 0 set = we are the server] [max
// message size selector] then the bytes a peer sends after the upgrade.
//
// The stream is fed in reads of varying size. Checked: a read is consumed
// whole unless a frame or an error ends it; an error is final; a message
// or command never exceeds the limit, a command is never multipart, and
// re-encoding it (ws_frame_encoder) and decoding that again gives the same
// frame; a control payload is at most 125 bytes; what a peer claims is
// never allocated before it arrives (ASan's allocation limit would fire).
#include "fuzz_support.hpp"

#include "base/msg.hpp"
#include "transport/ws_frame_decoder.hpp"
#include "transport/ws_frame_encoder.hpp"

#include <vector>

namespace {

using zmx::fuzz::byte_span;
using zmx::ws::frame_decoder;
using result = frame_decoder::result;

byte_span body_of(const zmx::msg& m) { return {static_cast<const uint8_t*>(m.data()), m.size()}; }

// Encodes the frame as the other side would and decodes it back.
void check_round_trip(const zmx::msg& frame, bool command, bool peer_masks) {
    std::vector<uint8_t> wire;
    if (command)
        zmx::ws::append_command(wire, body_of(frame), peer_masks);
    else
        zmx::ws::append_message(wire, frame, peer_masks);
    frame_decoder again(peer_masks, -1);
    size_t consumed = 0;
    const result outcome = again.decode(wire, consumed);
    FUZZ_REQUIRE(consumed == wire.size());
    FUZZ_REQUIRE(outcome == (command ? result::command : result::message));
    FUZZ_REQUIRE(zmx::fuzz::same_bytes(body_of(again.frame()), body_of(frame)));
    FUZZ_REQUIRE(again.frame().has(zmx::msg::more) == frame.has(zmx::msg::more));
}

void check_error_is_final(frame_decoder& d, byte_span more_input) {
    size_t consumed = 0;
    FUZZ_REQUIRE(d.decode(more_input, consumed) == result::error);
    FUZZ_REQUIRE(consumed == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    zmx::fuzz::input_reader input({data, size});
    const uint8_t max_read = input.take_byte();
    const bool server = input.take_byte() & 1;
    const int64_t limit = zmx::fuzz::max_message_size_from(input.take_byte());
    const byte_span stream = input.rest();

    frame_decoder d(server, limit);
    zmx::fuzz::chunked_stream reads(stream, max_read);
    while (!reads.at_end()) {
        const byte_span offered = reads.pending();
        size_t consumed = 0;
        const result outcome = d.decode(offered, consumed);
        FUZZ_REQUIRE(consumed <= offered.size());
        reads.consume(consumed);
        switch (outcome) {
        case result::need_more:
            FUZZ_REQUIRE(consumed == offered.size());
            break;
        case result::error:
            check_error_is_final(d, stream);
            return 0;
        case result::ping:
        case result::pong:
        case result::close:
            FUZZ_REQUIRE(d.control_payload().size() <= zmx::ws::max_short_length);
            break;
        case result::message:
        case result::command: {
            const zmx::msg& frame = d.frame();
            FUZZ_REQUIRE(limit < 0 || frame.size() <= static_cast<uint64_t>(limit));
            FUZZ_REQUIRE(outcome == result::message || !frame.has(zmx::msg::more));
            check_round_trip(frame, outcome == result::command, server);
            break;
        }
        }
    }
    return 0;
}
