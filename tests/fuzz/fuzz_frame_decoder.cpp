// Fuzz target: the ZMTP 3.x frame decoder (src/zmtp/decoder.*).
//
// Input: [max read size] [max message size selector] then the bytes a peer
// sends after its greeting. The stream is fed in reads of varying size and
// every outcome is checked against a reading of the same bytes by RFC 37's
// framing rules, written here independently of the decoder: each frame
// ends where the rules say, has the declared size, never exceeds the
// maximum message size, carries exactly the bytes that were sent and
// encodes back to them; an error comes at the offending byte, is the
// right kind, and is final.
#include "fuzz_support.hpp"

#include "base/msg.hpp"
#include "zmtp/big_endian.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/encoder.hpp"

#include <vector>

namespace {

using zmx::fuzz::byte_span;
using zmx::zmtp::decoder;

// What RFC 37 says the bytes from `offset` on are.
struct reference_step {
    decoder::result result;  // need_more: the stream ends inside the frame
    decoder::error_kind error = decoder::error_kind::none;
    size_t end = 0;          // just past the frame or the offending byte
    size_t header_size = 0;
    uint64_t body_size = 0;
};

reference_step read_reference(byte_span stream, size_t offset, int64_t max_message_size) {
    using result = decoder::result;
    using error_kind = decoder::error_kind;
    if (offset == stream.size())
        return {result::need_more};
    const uint8_t flags = stream[offset];
    if (flags & 0xF8)
        return {result::error, error_kind::reserved_flags, offset + 1};
    if ((flags & 0x04) && (flags & 0x01))
        return {result::error, error_kind::more_on_command, offset + 1};
    const bool long_size = flags & 0x02;
    const size_t header_size = long_size ? 9 : 2;
    if (stream.size() - offset < header_size)
        return {result::need_more};
    const uint64_t size = long_size ? zmx::zmtp::get_big_endian<uint64_t>(&stream[offset + 1])
                                    : stream[offset + 1];
    const bool over_limit =
        max_message_size >= 0 && size > static_cast<uint64_t>(max_message_size);
    if ((size >> 63) || over_limit)
        return {result::error, error_kind::too_large, offset + header_size};
    if (stream.size() - offset - header_size < size)
        return {result::need_more};
    const result kind = (flags & 0x04) ? result::command : result::message;
    return {kind, error_kind::none, offset + header_size + size, header_size, size};
}

// The frame the decoder produced against the wire bytes it came from.
void check_frame(const zmx::msg& frame, byte_span wire, const reference_step& want,
                 int64_t max_message_size) {
    FUZZ_REQUIRE(frame.size() == want.body_size);
    FUZZ_REQUIRE(max_message_size < 0 || frame.size() <= static_cast<uint64_t>(max_message_size));
    const byte_span body(static_cast<const uint8_t*>(frame.data()), frame.size());
    FUZZ_REQUIRE(zmx::fuzz::same_bytes(body, wire.subspan(want.header_size)));
    const bool more = wire[0] & 0x01;
    const bool command = want.result == decoder::result::command;
    FUZZ_REQUIRE(frame.has(zmx::msg::more) == (more && !command));

    // Encoding it again gives the same bytes, except that a small body sent
    // with an 8-byte size comes back in the short form.
    std::vector<uint8_t> encoded;
    if (command)
        zmx::zmtp::append_command(encoded, body);
    else
        zmx::zmtp::append_frame(encoded, frame);
    const bool long_small_body = want.header_size == 9 && want.body_size <= 255;
    if (!long_small_body) {
        FUZZ_REQUIRE(zmx::fuzz::same_bytes(encoded, wire));
        return;
    }
    FUZZ_REQUIRE(encoded.size() == 2 + want.body_size);
    FUZZ_REQUIRE(encoded[0] == (wire[0] & ~0x02));
    FUZZ_REQUIRE(encoded[1] == want.body_size);
}

// An error is final: more input changes nothing and is not consumed.
void check_error_is_final(decoder& d, byte_span more_input) {
    const auto error = d.error();
    size_t consumed = 0;
    FUZZ_REQUIRE(d.decode(more_input, consumed) == decoder::result::error);
    FUZZ_REQUIRE(consumed == 0);
    FUZZ_REQUIRE(d.error() == error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    zmx::fuzz::input_reader input({data, size});
    const uint8_t max_read = input.take_byte();
    const int64_t max_message_size = zmx::fuzz::max_message_size_from(input.take_byte());
    const byte_span stream = input.rest();

    decoder d(max_message_size);
    zmx::fuzz::chunked_stream reads(stream, max_read);
    size_t frame_start = 0;
    while (!reads.at_end()) {
        const byte_span offered = reads.pending();
        size_t consumed = 0;
        const auto result = d.decode(offered, consumed);
        reads.consume(consumed);
        if (result == decoder::result::need_more) {
            FUZZ_REQUIRE(consumed == offered.size());
            continue;
        }
        const reference_step want = read_reference(stream, frame_start, max_message_size);
        FUZZ_REQUIRE(result == want.result);
        FUZZ_REQUIRE(reads.position() == want.end);
        if (result == decoder::result::error) {
            FUZZ_REQUIRE(d.error() == want.error);
            check_error_is_final(d, stream);
            return 0;
        }
        check_frame(d.frame(), stream.subspan(frame_start, want.end - frame_start), want,
                    max_message_size);
        frame_start = want.end;
    }
    // Everything consumed without a frame or error still pending: the
    // stream ends on a frame boundary or inside a frame.
    FUZZ_REQUIRE(read_reference(stream, frame_start, max_message_size).result ==
                 decoder::result::need_more);
    return 0;
}
