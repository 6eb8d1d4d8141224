#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/msg.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/encoder.hpp"

using namespace zmx::zmtp;
using result = decoder::result;

namespace {

struct decoded {
    result kind;
    std::vector<uint8_t> body;
    bool more;
};

std::vector<uint8_t> frame_bytes(size_t size, bool more, bool command) {
    std::vector<uint8_t> wire(max_frame_header_size);
    wire.resize(encode_frame_header(wire.data(), size, more, command));
    for (size_t i = 0; i < size; ++i)
        wire.push_back(static_cast<uint8_t>(i * 7 + 3));
    return wire;
}

// Feeds `wire` in chunks of `chunk` bytes and collects every frame and the
// final error, if any.
std::vector<decoded> decode_all(decoder& d, const std::vector<uint8_t>& wire, size_t chunk) {
    std::vector<decoded> out;
    size_t offset = 0;
    while (offset < wire.size()) {
        const size_t end = std::min(wire.size(), offset + chunk);
        size_t consumed = 0;
        const result r = d.decode({wire.data() + offset, end - offset}, consumed);
        offset += consumed;
        if (r == result::need_more) {
            EXPECT_EQ(offset, end);
            continue;
        }
        if (r == result::error) {
            out.push_back({r, {}, false});
            return out;
        }
        zmx::msg m;
        m.init();
        d.frame().move_to(m);
        const auto* data = static_cast<const uint8_t*>(m.data());
        out.push_back({r, {data, data + m.size()}, m.has(zmx::msg::more)});
        m.close();
    }
    return out;
}

} // namespace

TEST(zmtp_decoder, BoundarySizesRoundTrip) {
    for (size_t size : {size_t{0}, size_t{1}, size_t{32}, size_t{33}, size_t{255}, size_t{256},
                        size_t{70000}}) {
        auto wire = frame_bytes(size, true, false);
        decoder d;
        auto frames = decode_all(d, wire, wire.size());
        ASSERT_EQ(frames.size(), 1u) << size;
        EXPECT_EQ(frames[0].kind, result::message);
        EXPECT_TRUE(frames[0].more);
        EXPECT_EQ(frames[0].body, std::vector<uint8_t>(wire.end() - size, wire.end())) << size;
    }
}

TEST(zmtp_decoder, OneByteAtATimeEqualsAllAtOnce) {
    std::vector<uint8_t> wire;
    for (auto [size, more, command] : {std::tuple{3, true, false}, std::tuple{300, false, false},
                                       std::tuple{0, false, true}, std::tuple{260, false, true},
                                       std::tuple{0, false, false}}) {
        auto f = frame_bytes(size, more, command);
        wire.insert(wire.end(), f.begin(), f.end());
    }
    decoder whole, bytewise;
    auto expected = decode_all(whole, wire, wire.size());
    auto actual = decode_all(bytewise, wire, 1);
    ASSERT_EQ(expected.size(), 5u);
    ASSERT_EQ(actual.size(), 5u);
    for (size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(actual[i].kind, expected[i].kind) << i;
        EXPECT_EQ(actual[i].body, expected[i].body) << i;
        EXPECT_EQ(actual[i].more, expected[i].more) << i;
    }
    EXPECT_EQ(expected[0].kind, result::message);
    EXPECT_TRUE(expected[0].more);
    EXPECT_FALSE(expected[1].more);
    EXPECT_EQ(expected[2].kind, result::command);
    EXPECT_EQ(expected[3].kind, result::command);
    EXPECT_EQ(expected[3].body.size(), 260u);
    EXPECT_EQ(expected[4].kind, result::message);
}

TEST(zmtp_decoder, ShortSizeWithLongEncodingIsAccepted) {
    const std::vector<uint8_t> wire = {0x02, 0, 0, 0, 0, 0, 0, 0, 2, 'h', 'i'};
    decoder d;
    auto frames = decode_all(d, wire, 1);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].body, (std::vector<uint8_t>{'h', 'i'}));
}

TEST(zmtp_decoder, BodyAboveEagerLimitGrowsAsItArrives) {
    const size_t size = decoder::eager_allocation_limit * 3 + 17;
    auto wire = frame_bytes(size, false, false);
    decoder d;
    auto frames = decode_all(d, wire, 65536);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].body, std::vector<uint8_t>(wire.end() - size, wire.end()));
}

TEST(zmtp_decoder, HugeClaimWithoutMaximumIsNotAllocatedUpFront) {
    // 2^62 bytes declared and no maximum: an up-front allocation would fail
    // with ENOMEM and report an error; memory must follow the bytes that arrive.
    uint8_t header[max_frame_header_size];
    encode_frame_header(header, uint64_t{1} << 62, false, false);
    decoder d;
    size_t consumed = 0;
    EXPECT_EQ(d.decode(header, consumed), result::need_more);
    const std::vector<uint8_t> some(1000, 1);
    EXPECT_EQ(d.decode(some, consumed), result::need_more);
    EXPECT_EQ(consumed, 9u + 1000u);
}

TEST(zmtp_decoder, FourGigabyteBoundaryAgainstTheMaximum) {
    const uint64_t four_gigabytes = uint64_t{1} << 32;
    uint8_t header[max_frame_header_size];
    size_t consumed = 0;
    decoder at_maximum(static_cast<int64_t>(four_gigabytes));
    encode_frame_header(header, four_gigabytes, false, false);
    EXPECT_EQ(at_maximum.decode(header, consumed), result::need_more);

    decoder above_maximum(static_cast<int64_t>(four_gigabytes));
    encode_frame_header(header, four_gigabytes + 1, false, false);
    EXPECT_EQ(above_maximum.decode(header, consumed), result::error);
    EXPECT_EQ(above_maximum.error(), decoder::error_kind::too_large);
}

TEST(zmtp_decoder, TopBitSizeIsAnErrorWithoutAllocating) {
    // 2^63 would exhaust memory if it were believed; the decoder must stop
    // at the header, whether or not a maximum is set.
    for (int64_t maximum : {int64_t{-1}, int64_t{1} << 40}) {
        const std::vector<uint8_t> wire = {0x02, 0x80, 0, 0, 0, 0, 0, 0, 0, 'x'};
        decoder d(maximum);
        size_t consumed = 0;
        EXPECT_EQ(d.decode(wire, consumed), result::error);
        EXPECT_EQ(consumed, 9u);
        EXPECT_EQ(d.error(), decoder::error_kind::too_large);
        EXPECT_EQ(d.decode(wire, consumed), result::error);  // final
    }
}

TEST(zmtp_decoder, SizeOverTheMaximumIsAnError) {
    decoder exact(256);
    auto fits = frame_bytes(256, false, false);
    auto frames = decode_all(exact, fits, 7);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].kind, result::message);

    for (bool command : {false, true}) {
        decoder d(256);
        uint8_t header[max_frame_header_size];
        const size_t header_size = encode_frame_header(header, 257, false, command);
        size_t consumed = 0;
        EXPECT_EQ(d.decode({header, header_size}, consumed), result::error);
        EXPECT_EQ(d.error(), decoder::error_kind::too_large);
    }

    decoder zero(0);
    size_t consumed = 0;
    const uint8_t one_byte[] = {0x00, 1, 'x'};
    EXPECT_EQ(zero.decode(one_byte, consumed), result::error);
    EXPECT_EQ(consumed, 2u);
}

TEST(zmtp_decoder, HugeClaimOverTheMaximumFailsBeforeAnyBody) {
    decoder d(1 << 20);
    uint8_t header[max_frame_header_size];
    encode_frame_header(header, (uint64_t{1} << 63) - 1, false, false);
    size_t consumed = 0;
    for (size_t i = 0; i < 8; ++i)
        ASSERT_EQ(d.decode({&header[i], 1}, consumed), result::need_more);
    EXPECT_EQ(d.decode({&header[8], 1}, consumed), result::error);
    EXPECT_EQ(d.error(), decoder::error_kind::too_large);
}

TEST(zmtp_decoder, ReservedFlagBitsAreAnError) {
    for (uint8_t bit = 3; bit < 8; ++bit) {
        const uint8_t wire[] = {static_cast<uint8_t>(1u << bit), 0};
        decoder d;
        size_t consumed = 0;
        EXPECT_EQ(d.decode(wire, consumed), result::error) << int(bit);
        EXPECT_EQ(consumed, 1u);
        EXPECT_EQ(d.error(), decoder::error_kind::reserved_flags);
    }
}

TEST(zmtp_decoder, MoreOnACommandIsAnError) {
    const uint8_t wire[] = {0x05, 0};
    decoder d;
    size_t consumed = 0;
    EXPECT_EQ(d.decode(wire, consumed), result::error);
    EXPECT_EQ(d.error(), decoder::error_kind::more_on_command);
}

TEST(zmtp_decoder, StopsAfterEachFrame) {
    auto wire = frame_bytes(2, true, false);
    auto second = frame_bytes(1, false, false);
    wire.insert(wire.end(), second.begin(), second.end());
    decoder d;
    size_t consumed = 0;
    ASSERT_EQ(d.decode(wire, consumed), result::message);
    EXPECT_EQ(consumed, 4u);
    EXPECT_TRUE(d.frame().has(zmx::msg::more));
    // Not taking the frame is allowed: the next call drops it.
    ASSERT_EQ(d.decode({wire.data() + consumed, wire.size() - consumed}, consumed),
              result::message);
    EXPECT_EQ(consumed, wire.size());
    EXPECT_FALSE(d.frame().has(zmx::msg::more));
    EXPECT_EQ(d.frame().size(), 1u);
}
