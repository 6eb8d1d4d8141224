// The ws frame encoder and decoder together, without sockets: what a
// client masks, a server's decoder unmasks back, however the bytes are
// cut into reads (one byte at a time, every split point, headers and
// payloads straddling reads, chunks of a large frame), through the eager
// body (an unfragmented message) and the growing one (fragments, and
// bodies over eager_allocation_limit).
#include "base/msg.hpp"
#include "transport/ws_frame_decoder.hpp"
#include "transport/ws_frame_encoder.hpp"
#include "transport/ws_mask.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using zmx::msg;
using zmx::ws::frame_decoder;
using bytes = std::vector<uint8_t>;

struct decoded {
    frame_decoder::result kind;
    std::string body;
    bool more = false;
};

std::string pattern(size_t size, size_t seed = 0) {
    std::string text(size, '\0');
    for (size_t i = 0; i < size; ++i)
        text[i] = static_cast<char>((i * 131 + seed * 7 + i / 251) & 0xFF);
    return text;
}

void append_message(bytes& wire, const std::string& body, bool more, bool masked) {
    msg m;
    ASSERT_EQ(m.init_copy_of(body.data(), body.size()), 0);
    if (more)
        m.set(msg::more);
    zmx::ws::append_message(wire, m, masked);
    m.close();
}

// Feeds wire to the decoder in reads of `read` bytes (the last may be
// shorter), collecting every frame that completes.
std::vector<decoded> decode_in_reads(frame_decoder& decoder, const bytes& wire, size_t read) {
    std::vector<decoded> out;
    for (size_t at = 0; at < wire.size(); at += read) {
        const std::span<const uint8_t> piece(wire.data() + at, std::min(read, wire.size() - at));
        size_t offset = 0;
        while (offset < piece.size()) {
            size_t consumed = 0;
            const auto r = decoder.decode(piece.subspan(offset), consumed);
            offset += consumed;
            if (r == frame_decoder::result::need_more)
                break;
            decoded d{r, {}, false};
            if (r == frame_decoder::result::message || r == frame_decoder::result::command) {
                d.body.assign(static_cast<const char*>(decoder.frame().data()), decoder.frame().size());
                d.more = decoder.frame().has(msg::more);
            }
            out.push_back(d);
            if (r == frame_decoder::result::error)
                return out;
        }
    }
    return out;
}

std::vector<decoded> decode_in_reads(const bytes& wire, size_t read, bool masked = true) {
    frame_decoder decoder(masked, -1);
    return decode_in_reads(decoder, wire, read);
}

void expect_messages(const std::vector<decoded>& got, const std::vector<std::string>& bodies) {
    ASSERT_EQ(got.size(), bodies.size());
    for (size_t i = 0; i < bodies.size(); ++i) {
        EXPECT_EQ(got[i].kind, frame_decoder::result::message) << i;
        EXPECT_EQ(got[i].body.size(), bodies[i].size()) << i;
        EXPECT_TRUE(got[i].body == bodies[i]) << "message " << i << " differs";
    }
}

// Each length form's edges (payload = body + flags byte), and the words
// of the 8-byte masking loop.
const std::vector<size_t> sizes = {0, 1, 7, 8, 9, 31, 32, 33, 123, 124, 125, 126, 65534, 65535, 65536, 100000};

TEST(WsFrameCodec, EverySizeRoundTripsFromAClient) {
    for (size_t size : sizes) {
        bytes wire;
        append_message(wire, pattern(size), false, true);
        expect_messages(decode_in_reads(wire, wire.size()), {pattern(size)});
    }
}

TEST(WsFrameCodec, EverySizeRoundTripsFromAServerUnmasked) {
    for (size_t size : sizes) {
        bytes wire;
        append_message(wire, pattern(size), false, false);
        expect_messages(decode_in_reads(wire, wire.size(), false), {pattern(size)});
    }
}

TEST(WsFrameCodec, AClientsPayloadIsMaskedOnTheWire) {
    bytes wire;
    const std::string body = pattern(64);
    append_message(wire, body, false, true);
    ASSERT_EQ(wire.size(), 2 + 4 + 1 + 64u);
    // Unmasking the payload by the definition gives flags byte and body back.
    bytes payload(wire.begin() + 6, wire.end());
    for (size_t i = 0; i < payload.size(); ++i)
        payload[i] ^= wire[2 + i % 4];
    EXPECT_EQ(payload[0], 0);
    EXPECT_EQ(std::string(payload.begin() + 1, payload.end()), body);
}

TEST(WsFrameCodec, OneByteAtATimeAsTheSlowestReader) {
    bytes wire;
    std::vector<std::string> bodies;
    for (size_t size : {0, 1, 33, 125, 126, 300, 70000}) {
        bodies.push_back(pattern(size, size));
        append_message(wire, bodies.back(), false, true);
    }
    expect_messages(decode_in_reads(wire, 1), bodies);
}

TEST(WsFrameCodec, ASplitAtEveryPointKeepsEveryMessage) {
    // Headers of every length form and payloads that straddle the split.
    bytes wire;
    std::vector<std::string> bodies;
    for (size_t size : {0, 5, 40, 130, 9}) {
        bodies.push_back(pattern(size, size));
        append_message(wire, bodies.back(), false, true);
    }
    for (size_t split = 1; split < wire.size(); ++split) {
        frame_decoder decoder(true, -1);
        const bytes first(wire.begin(), wire.begin() + split), second(wire.begin() + split, wire.end());
        auto got = decode_in_reads(decoder, first, first.size());
        const auto rest = decode_in_reads(decoder, second, second.size());
        got.insert(got.end(), rest.begin(), rest.end());
        expect_messages(got, bodies);
        if (HasFailure())
            FAIL() << "split at " << split;
    }
}

TEST(WsFrameCodec, FramesStraddleReadsOfEverySmallSize) {
    bytes wire;
    std::vector<std::string> bodies;
    for (size_t i = 0; i < 20; ++i) {
        bodies.push_back(pattern(i * 13 % 150, i));
        append_message(wire, bodies.back(), i % 3 == 0, true);
    }
    for (size_t read = 1; read <= 64; ++read) {
        const auto got = decode_in_reads(wire, read);
        expect_messages(got, bodies);
        for (size_t i = 0; i < got.size(); ++i)
            EXPECT_EQ(got[i].more, i % 3 == 0);
        if (HasFailure())
            FAIL() << "reads of " << read;
    }
}

TEST(WsFrameCodec, ALargeFrameArrivesInChunks) {
    // Over eager_allocation_limit: the body grows as its bytes arrive.
    const size_t size = frame_decoder::eager_allocation_limit * 3 + 17;
    bytes wire;
    append_message(wire, pattern(size), true, true);
    append_message(wire, "after", false, true);
    for (size_t read : {size_t{4093}, size_t{65536}, wire.size()}) {
        const auto got = decode_in_reads(wire, read);
        expect_messages(got, {pattern(size), "after"});
        ASSERT_EQ(got.size(), 2u);
        EXPECT_TRUE(got[0].more);
    }
}

// A client's binary frame, hand-made: FIN or not, any opcode.
void append_raw(bytes& wire, uint8_t first, const std::string& payload, const zmx::ws::mask_key& key) {
    wire.push_back(first);
    if (payload.size() <= 125) {
        wire.push_back(static_cast<uint8_t>(0x80 | payload.size()));
    } else {
        wire.push_back(0x80 | 126);
        wire.push_back(static_cast<uint8_t>(payload.size() >> 8));
        wire.push_back(static_cast<uint8_t>(payload.size()));
    }
    wire.insert(wire.end(), key.begin(), key.end());
    const size_t at = wire.size();
    wire.insert(wire.end(), payload.begin(), payload.end());
    zmx::ws::apply_mask(wire.data() + at, payload.size(), key, 0);
}

TEST(WsFrameCodec, FragmentsWithAPingBetweenJoinInEveryReadSize) {
    const std::string body = pattern(700);
    bytes wire;
    append_raw(wire, 0x02, std::string(1, '\x01') + body.substr(0, 3), {1, 2, 3, 4});   // flags MORE
    append_raw(wire, 0x89, "ping!", {9, 8, 7, 6});                                        // ping between
    append_raw(wire, 0x00, body.substr(3, 400), {0xde, 0xad, 0xbe, 0xef});
    append_raw(wire, 0x80, body.substr(403), {5, 0, 0, 5});
    for (size_t read : {size_t{1}, size_t{2}, size_t{7}, size_t{100}, wire.size()}) {
        const auto got = decode_in_reads(wire, read);
        ASSERT_EQ(got.size(), 2u);
        EXPECT_EQ(got[0].kind, frame_decoder::result::ping);
        EXPECT_EQ(got[1].kind, frame_decoder::result::message);
        EXPECT_TRUE(got[1].body == body);
        EXPECT_TRUE(got[1].more);
    }
}

TEST(WsFrameCodec, ControlPayloadIsUnmasked) {
    bytes wire;
    append_raw(wire, 0x89, "are you there", {0x11, 0x22, 0x33, 0x44});
    frame_decoder decoder(true, -1);
    const auto got = decode_in_reads(decoder, wire, 3);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].kind, frame_decoder::result::ping);
    const auto& payload = decoder.control_payload();
    EXPECT_EQ(std::string(payload.begin(), payload.end()), "are you there");
}

TEST(WsFrameCodec, ACommandComesOutAsACommand) {
    bytes wire;
    const std::string body = "\x04PING\x00\x10";
    zmx::ws::append_command(wire, std::span(reinterpret_cast<const uint8_t*>(body.data()), body.size()), true);
    const auto got = decode_in_reads(wire, 2);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].kind, frame_decoder::result::command);
    EXPECT_EQ(got[0].body, body);
}

TEST(WsFrameCodec, ABodyOverTheMaximumIsRefusedAtItsHeader) {
    bytes wire;
    append_message(wire, pattern(101), false, true);
    frame_decoder decoder(true, 100);
    size_t consumed = 0;
    // Two header bytes and the key: no payload byte is needed to refuse it.
    EXPECT_EQ(decoder.decode(std::span(wire.data(), 6), consumed), frame_decoder::result::error);
}

TEST(WsFrameCodec, FragmentsOverTheMaximumAreRefused) {
    bytes wire;
    append_raw(wire, 0x02, std::string(1, '\0') + pattern(60), {1, 2, 3, 4});
    append_raw(wire, 0x80, pattern(60), {1, 2, 3, 4});
    frame_decoder decoder(true, 100);
    const auto got = decode_in_reads(decoder, wire, wire.size());
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].kind, frame_decoder::result::error);
}

TEST(WsFrameCodec, AnUntakenFrameIsDroppedAndTheNextDecodes) {
    bytes wire;
    append_message(wire, pattern(500), false, true);
    append_message(wire, pattern(40, 1), false, true);
    frame_decoder decoder(true, -1);
    size_t consumed = 0;
    ASSERT_EQ(decoder.decode(wire, consumed), frame_decoder::result::message);
    // Not taken: the next call drops it.
    ASSERT_EQ(decoder.decode(std::span(wire).subspan(consumed), consumed), frame_decoder::result::message);
    EXPECT_EQ(consumed, wire.size());
    EXPECT_EQ(std::string(static_cast<const char*>(decoder.frame().data()), decoder.frame().size()), pattern(40, 1));
}

} // namespace
