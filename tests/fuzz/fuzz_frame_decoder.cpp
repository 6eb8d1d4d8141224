// Fuzz target: the frame decoder (src/zmtp/decoder.*) in each of ZMTP's
// three framings, 1.0, 2.0 and 3.x.
//
// Input: [max read size] [framing] [max message size selector] [selector
// of the limit after the first frame] then the bytes a peer sends after
// its greeting. The engine lifts the limit once the handshake is done;
// the second selector does the same between the first and second frame.
// Bodies over decoder::eager_allocation_limit (1 MiB) take another path,
// grown as bytes arrive; no input is that long, so bit 7 of the framing
// byte repeats the bytes to just past it. Only the first frames of such a
// stream are read, so a megabyte of tiny frames does not slow the run.
//
// Bit 6 of the framing byte reads bodies the way the engine reads large
// ones: straight into the room decoder::body_room offers (here once more
// than 16 bytes are missing), counted by body_arrived.
//
// The stream is fed in reads of varying size and every outcome is checked
// against a reading of the same bytes by the framing rules, written here
// independently of the decoder (RFC 13, 15 and 37, with libzmq 4.3's
// leniency for legacy flags): each frame ends where the rules say, has the
// declared size, never exceeds the limit in force, carries exactly the
// bytes sent, and encodes to the canonical form of the same frame; an
// error comes at the offending byte, is the right kind, and is final.
#include "fuzz_support.hpp"

#include "base/msg.hpp"
#include "zmtp/big_endian.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/encoder.hpp"
#include "zmtp/framing.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace {

using zmx::fuzz::byte_span;
using zmx::zmtp::decoder;
using zmx::zmtp::framing;
using result = decoder::result;
using error_kind = decoder::error_kind;

constexpr uint8_t more_bit = 0x01, long_bit = 0x02, command_bit = 0x04;

// What the rules say the bytes from `offset` on are.
struct reference_frame {
    result outcome;  // need_more: the stream ends inside the frame
    error_kind error = error_kind::none;
    size_t end = 0;  // just past the frame or the offending byte
    size_t header_size = 0;
    uint64_t body_size = 0;
    bool more = false;
};

reference_frame truncated() { return {result::need_more}; }
reference_frame failed(error_kind kind, size_t end) { return {result::error, kind, end}; }

bool over_limit(uint64_t size, int64_t limit) {
    return (size >> 63) || (limit >= 0 && size > static_cast<uint64_t>(limit));
}

// The body after a header of header_size bytes, if the stream holds it all.
reference_frame with_body(byte_span stream, size_t offset, size_t header_size, uint64_t size,
                          result kind, bool more) {
    if (stream.size() - offset - header_size < size)
        return truncated();
    return {kind, error_kind::none, offset + header_size + size, header_size, size, more};
}

// 2.0 and 3.x: flags, a 1- or 8-byte size, the body. 3.x refuses reserved
// bits and MORE on a command; 2.0 checks neither (libzmq does not).
reference_frame read_flags_framing(byte_span stream, size_t offset, int64_t limit, bool strict) {
    const uint8_t flags = stream[offset];
    if (strict && (flags & 0xF8))
        return failed(error_kind::reserved_flags, offset + 1);
    if (strict && (flags & command_bit) && (flags & more_bit))
        return failed(error_kind::more_on_command, offset + 1);
    const size_t header_size = (flags & long_bit) ? 9 : 2;
    if (stream.size() - offset < header_size)
        return truncated();
    const uint64_t size = (flags & long_bit)
                              ? zmx::zmtp::get_big_endian<uint64_t>(&stream[offset + 1])
                              : stream[offset + 1];
    if (over_limit(size, limit))
        return failed(error_kind::too_large, offset + header_size);
    const bool command = flags & command_bit;
    return with_body(stream, offset, header_size, size, command ? result::command : result::message,
                     !command && (flags & more_bit));
}

// 1.0: a length counting the flags byte (0xFF then 8 bytes when long),
// the flags byte (only MORE counts), the body.
reference_frame read_zmtp1_framing(byte_span stream, size_t offset, int64_t limit) {
    const bool long_length = stream[offset] == 0xFF;
    const size_t length_size = long_length ? 9 : 1;
    if (stream.size() - offset < length_size)
        return truncated();
    const uint64_t length = long_length ? zmx::zmtp::get_big_endian<uint64_t>(&stream[offset + 1])
                                        : stream[offset];
    if (length == 0)
        return failed(error_kind::zero_length, offset + length_size);
    if ((length >> 63) || over_limit(length - 1, limit))
        return failed(error_kind::too_large, offset + length_size);
    if (stream.size() - offset == length_size)
        return truncated();
    const bool more = stream[offset + length_size] & more_bit;
    return with_body(stream, offset, length_size + 1, length - 1, result::message, more);
}

reference_frame read_reference(byte_span stream, size_t offset, framing format, int64_t limit) {
    if (offset == stream.size())
        return truncated();
    if (format == framing::zmtp1)
        return read_zmtp1_framing(stream, offset, limit);
    return read_flags_framing(stream, offset, limit, format == framing::zmtp3);
}

// The canonical header of a frame: the shortest size form, no other bits.
std::vector<uint8_t> canonical_header(framing format, uint64_t size, bool more, bool command) {
    std::vector<uint8_t> header;
    uint8_t big_endian[8];
    zmx::zmtp::put_big_endian<uint64_t>(big_endian, format == framing::zmtp1 ? size + 1 : size);
    const uint8_t flags = (more ? more_bit : 0) | (command ? command_bit : 0);
    if (format == framing::zmtp1) {
        if (size + 1 < 0xFF)
            header = {static_cast<uint8_t>(size + 1)};
        else
            header = {0xFF, big_endian[0], big_endian[1], big_endian[2], big_endian[3],
                      big_endian[4], big_endian[5], big_endian[6], big_endian[7]};
        header.push_back(flags);
    } else if (size <= 255) {
        header = {flags, static_cast<uint8_t>(size)};
    } else {
        header = {static_cast<uint8_t>(flags | long_bit), big_endian[0], big_endian[1], big_endian[2],
                  big_endian[3], big_endian[4], big_endian[5], big_endian[6], big_endian[7]};
    }
    return header;
}

// The frame the decoder produced against the wire bytes it came from.
void check_frame(const zmx::msg& frame, byte_span wire, const reference_frame& want, framing format,
                 int64_t limit) {
    FUZZ_REQUIRE(frame.size() == want.body_size);
    FUZZ_REQUIRE(limit < 0 || frame.size() <= static_cast<uint64_t>(limit));
    const byte_span body(static_cast<const uint8_t*>(frame.data()), frame.size());
    FUZZ_REQUIRE(zmx::fuzz::same_bytes(body, wire.subspan(want.header_size)));
    FUZZ_REQUIRE(frame.has(zmx::msg::more) == want.more);

    const bool command = want.outcome == result::command;
    std::vector<uint8_t> encoded;
    if (command)
        zmx::zmtp::append_command(encoded, body);
    else if (format == framing::zmtp1)
        zmx::zmtp::append_zmtp1_frame(encoded, frame);
    else
        zmx::zmtp::append_frame(encoded, frame);
    std::vector<uint8_t> canonical = canonical_header(format, frame.size(), want.more, command);
    canonical.insert(canonical.end(), body.begin(), body.end());
    FUZZ_REQUIRE(encoded == canonical);
}

// The bytes over and over, to 64 KiB past the eager allocation limit
// (doubling copies: an input of a few bytes repeats in 20 steps).
std::vector<uint8_t> repeat_past_eager_limit(byte_span bytes) {
    if (bytes.empty())
        return {};
    std::vector<uint8_t> repeated(decoder::eager_allocation_limit + 64 * 1024);
    size_t filled = std::min(bytes.size(), repeated.size());
    std::copy_n(bytes.begin(), filled, repeated.begin());
    for (; filled < repeated.size(); filled *= 2)
        std::memcpy(&repeated[filled], repeated.data(), std::min(filled, repeated.size() - filled));
    return repeated;
}

// An error is final: more input changes nothing and is not consumed.
void check_error_is_final(decoder& d, byte_span more_input) {
    const auto error = d.error();
    size_t consumed = 0;
    FUZZ_REQUIRE(d.decode(more_input, consumed) == result::error);
    FUZZ_REQUIRE(consumed == 0);
    FUZZ_REQUIRE(d.error() == error);
}

// Copies the next read straight into the body, as far as the decoder
// offers room for it.
void read_into_body(decoder& d, zmx::fuzz::chunked_stream& reads) {
    constexpr size_t direct_at_least = 16;
    const byte_span offered = reads.pending();
    const std::span<uint8_t> room = d.body_room(direct_at_least, offered.size());
    const size_t n = std::min(room.size(), offered.size());
    if (n == 0)
        return;
    std::memcpy(room.data(), offered.data(), n);
    d.body_arrived(n);
    reads.consume(n);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    zmx::fuzz::input_reader input({data, size});
    const uint8_t max_read = input.take_byte();
    const uint8_t framing_byte = input.take_byte();
    const auto format = static_cast<framing>((framing_byte & 0x3F) % 3);
    const bool repeat = framing_byte & 0x80;
    const bool direct = framing_byte & 0x40;
    int64_t limit = zmx::fuzz::max_message_size_from(input.take_byte());
    const int64_t later_limit = zmx::fuzz::max_message_size_from(input.take_byte());
    const std::vector<uint8_t> repeated =
        repeat ? repeat_past_eager_limit(input.rest()) : std::vector<uint8_t>{};
    const byte_span stream = repeat ? byte_span(repeated) : input.rest();
    size_t frames_left = repeat ? 16 : SIZE_MAX;

    decoder d(limit, format);
    zmx::fuzz::chunked_stream reads(stream, max_read);
    size_t frame_start = 0;
    while (!reads.at_end()) {
        if (direct)
            read_into_body(d, reads);
        const byte_span offered = reads.pending();
        size_t consumed = 0;
        const result outcome = d.decode(offered, consumed);
        reads.consume(consumed);
        if (outcome == result::need_more) {
            FUZZ_REQUIRE(consumed == offered.size());
            continue;
        }
        const reference_frame want = read_reference(stream, frame_start, format, limit);
        FUZZ_REQUIRE(outcome == want.outcome);
        FUZZ_REQUIRE(reads.position() == want.end);
        if (outcome == result::error) {
            FUZZ_REQUIRE(d.error() == want.error);
            check_error_is_final(d, stream);
            return 0;
        }
        check_frame(d.frame(), stream.subspan(frame_start, want.end - frame_start), want, format, limit);
        if (--frames_left == 0)
            return 0;
        if (frame_start == 0) {
            limit = later_limit;
            d.set_max_message_size(limit);
        }
        frame_start = want.end;
    }
    // Everything consumed with no frame or error pending: the stream ends
    // on a frame boundary or inside a frame.
    FUZZ_REQUIRE(read_reference(stream, frame_start, format, limit).outcome == result::need_more);
    return 0;
}
