// ZMTP 1.0 and 2.0 framing: the decoder's legacy modes and the 1.0
// encoder. Where the RFCs leave room, the expectations are what Debian's
// libzmq 4.3.4 does with the same bytes from a raw client.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/msg.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/encoder.hpp"

using namespace zmx;
using namespace zmx::zmtp;

namespace {

using bytes = std::vector<uint8_t>;
using result = decoder::result;

// The bytes of a string literal, NULs included.
template <size_t N>
bytes bytes_of(const char (&literal)[N]) {
    return {literal, literal + N - 1};
}

std::string body_of(msg& m) { return {static_cast<const char*>(m.data()), m.size()}; }

struct decoded {
    std::vector<std::string> frames;
    std::vector<bool> more;
    result last = result::need_more;
    size_t consumed = 0;
};

// Feeds `wire` in chunks of `chunk` bytes and collects the message frames
// until the input ends or the decoder fails (commands are counted as "!").
decoded decode_all(decoder& d, const bytes& wire, size_t chunk = 65536) {
    decoded out;
    size_t offset = 0;
    while (offset < wire.size()) {
        const size_t size = std::min(chunk, wire.size() - offset);
        size_t consumed = 0;
        out.last = d.decode({wire.data() + offset, size}, consumed);
        offset += consumed;
        if (out.last == result::error)
            break;
        if (out.last == result::message) {
            out.frames.push_back(body_of(d.frame()));
            out.more.push_back(d.frame().has(msg::more));
        } else if (out.last == result::command) {
            out.frames.push_back("!");
            out.more.push_back(false);
        }
    }
    out.consumed = offset;
    return out;
}

bytes encode_zmtp1(const std::string& body, bool more = false) {
    msg m;
    EXPECT_EQ(m.init_size(body.size()), 0);
    std::copy(body.begin(), body.end(), static_cast<char*>(m.data()));
    if (more)
        m.set(msg::more);
    bytes out;
    append_zmtp1_frame(out, m);
    m.close();
    return out;
}

bytes long_zmtp1_header(uint64_t length, uint8_t flags = 0) {
    bytes header{0xFF, 0, 0, 0, 0, 0, 0, 0, 0, flags};
    for (int i = 8; i >= 1; --i, length >>= 8)
        header[i] = static_cast<uint8_t>(length & 0xFF);
    return header;
}

bytes long_zmtp2_header(uint64_t size) {
    bytes header{long_flag, 0, 0, 0, 0, 0, 0, 0, 0};
    for (int i = 8; i >= 1; --i, size >>= 8)
        header[i] = static_cast<uint8_t>(size & 0xFF);
    return header;
}

std::string pattern(size_t size) {
    std::string text(size, '\0');
    for (size_t i = 0; i < size; ++i)
        text[i] = static_cast<char>(i * 7 + i / 251);
    return text;
}

} // namespace

// ----------------------------------------------------------------- 1.0

TEST(zmtp_legacy_framing, Zmtp10LengthCountsTheFlagsByte) {
    decoder d(-1, framing::zmtp1);
    const auto got = decode_all(d, bytes_of("\x06\x00hello\x03\x01hi\x01\x00"));
    EXPECT_EQ(got.frames, (std::vector<std::string>{"hello", "hi", ""}));
    EXPECT_EQ(got.more, (std::vector<bool>{false, true, false}));
}

TEST(zmtp_legacy_framing, Zmtp10FlagsOtherThanMoreAreIgnored) {
    decoder d(-1, framing::zmtp1);
    const auto got = decode_all(d, bytes_of("\x03\xFEhi\x03\x7Fok"));
    EXPECT_EQ(got.frames, (std::vector<std::string>{"hi", "ok"}));
    EXPECT_EQ(got.more, (std::vector<bool>{false, true}));  // 0x7F has MORE; a 0x04 bit is no command
}

TEST(zmtp_legacy_framing, Zmtp10LongLength) {
    decoder d(-1, framing::zmtp1);
    const std::string body = pattern(300);
    bytes wire = long_zmtp1_header(body.size() + 1, 0x01);
    wire.insert(wire.end(), body.begin(), body.end());
    const auto got = decode_all(d, wire, 1);  // one byte at a time
    EXPECT_EQ(got.frames, std::vector<std::string>{body});
    EXPECT_EQ(got.more, std::vector<bool>{true});
}

TEST(zmtp_legacy_framing, Zmtp10ZeroLengthIsAnError) {
    for (const bytes& wire : {bytes{0x00, 0x00}, long_zmtp1_header(0)}) {
        decoder d(-1, framing::zmtp1);
        const auto got = decode_all(d, wire);
        EXPECT_EQ(got.last, result::error);
        EXPECT_EQ(d.error(), decoder::error_kind::zero_length);
        EXPECT_EQ(got.consumed, wire[0] == 0xFF ? 9u : 1u);  // at the last byte of the length
    }
}

TEST(zmtp_legacy_framing, Zmtp10MaxMessageSizeAppliesToTheBody) {
    decoder fits(10, framing::zmtp1);
    EXPECT_EQ(decode_all(fits, encode_zmtp1(std::string(10, 'x'))).frames.size(), 1u);
    decoder too_big(10, framing::zmtp1);
    const auto got = decode_all(too_big, encode_zmtp1(std::string(11, 'x')));
    EXPECT_EQ(got.last, result::error);
    EXPECT_EQ(too_big.error(), decoder::error_kind::too_large);
    EXPECT_EQ(got.consumed, 1u);  // refused at its length, before the flags
}

TEST(zmtp_legacy_framing, Zmtp10LengthWithTheTopBitIsTooLarge) {
    decoder d(-1, framing::zmtp1);
    const auto got = decode_all(d, long_zmtp1_header(uint64_t{1} << 63));
    EXPECT_EQ(got.last, result::error);
    EXPECT_EQ(d.error(), decoder::error_kind::too_large);
}

TEST(zmtp_legacy_framing, Zmtp10HugeClaimAllocatesNothingUpFront) {
    // 2^62 bytes could never be allocated: the decoder waits for them to
    // arrive instead of failing or reserving them.
    decoder d(-1, framing::zmtp1);
    bytes wire = long_zmtp1_header(uint64_t{1} << 62);
    wire.resize(wire.size() + 4096, 'x');
    const auto got = decode_all(d, wire);
    EXPECT_EQ(got.last, result::need_more);
    EXPECT_EQ(got.consumed, wire.size());
}

TEST(zmtp_legacy_framing, Zmtp10EncoderUsesTheLongFormFromLength255) {
    EXPECT_EQ(encode_zmtp1(std::string(253, 'x')).size(), 2u + 253);
    EXPECT_EQ(encode_zmtp1(std::string(253, 'x'))[0], 254);
    const bytes long_form = encode_zmtp1(std::string(254, 'x'), true);
    ASSERT_EQ(long_form.size(), 10u + 254);
    EXPECT_EQ(bytes(long_form.begin(), long_form.begin() + 10), long_zmtp1_header(255, 0x01));
}

TEST(zmtp_legacy_framing, Zmtp10RoundTripsEverySizeClass) {
    for (size_t size : {0, 1, 253, 254, 255, 8191, 8192, 8193, 100000}) {
        const std::string body = pattern(size);
        decoder d(-1, framing::zmtp1);
        const auto got = decode_all(d, encode_zmtp1(body, size % 2 == 1), 4096);
        ASSERT_EQ(got.frames.size(), 1u) << size;
        EXPECT_EQ(got.frames[0], body) << size;
        EXPECT_EQ(got.more[0], size % 2 == 1) << size;
    }
}

// CVE-2021-20235 was a heap overflow in libzmq on 1.0/2.0 messages larger
// than its 8 KiB read buffer: bodies that span many reads, fed as a peer's
// reads arrive, must come out whole and exact.
TEST(zmtp_legacy_framing, MessagesOver8KiBSpanningReadsArriveWhole) {
    const std::string body = pattern(64 * 1024 + 3);
    msg m;
    ASSERT_EQ(m.init_size(body.size()), 0);
    std::copy(body.begin(), body.end(), static_cast<char*>(m.data()));
    bytes v2;
    append_frame(v2, m);
    m.close();
    for (size_t read : {1000, 8191, 8192, 8193}) {
        decoder d1(-1, framing::zmtp1);
        EXPECT_EQ(decode_all(d1, encode_zmtp1(body), read).frames, std::vector<std::string>{body}) << read;
        decoder d2(-1, framing::zmtp2);
        EXPECT_EQ(decode_all(d2, v2, read).frames, std::vector<std::string>{body}) << read;
    }
}

// ----------------------------------------------------------------- 2.0

TEST(zmtp_legacy_framing, Zmtp20IgnoresReservedFlagBits) {
    decoder d(-1, framing::zmtp2);
    const auto got = decode_all(d, bytes_of("\xF0\x02hi\xF1\x02ok\x00\x01!"));
    EXPECT_EQ(got.frames, (std::vector<std::string>{"hi", "ok", "!"}));
    EXPECT_EQ(got.more, (std::vector<bool>{false, true, false}));
}

TEST(zmtp_legacy_framing, Zmtp20CommandBitGivesACommandEvenWithMore) {
    // libzmq drops such frames; a following frame is a message of its own.
    decoder d(-1, framing::zmtp2);
    const auto got = decode_all(d, bytes_of("\x05\x02hi\x00\x02ok"));
    EXPECT_EQ(got.frames, (std::vector<std::string>{"!", "ok"}));
    EXPECT_EQ(got.more, (std::vector<bool>{false, false}));
}

TEST(zmtp_legacy_framing, Zmtp20LongFramesAndLimitsAreThoseOf3x) {
    decoder d(100, framing::zmtp2);
    bytes wire = long_zmtp2_header(100);
    wire.resize(wire.size() + 100, 'y');
    const bytes too_big = long_zmtp2_header(101);
    wire.insert(wire.end(), too_big.begin(), too_big.end());
    const auto got = decode_all(d, wire);
    EXPECT_EQ(got.frames, std::vector<std::string>{std::string(100, 'y')});
    EXPECT_EQ(got.last, result::error);
    EXPECT_EQ(d.error(), decoder::error_kind::too_large);
}

TEST(zmtp_legacy_framing, FramingIsChosenBeforeTheFirstByte) {
    decoder d;  // 3.x until the greeting says otherwise
    d.use_framing(framing::zmtp1);
    EXPECT_EQ(decode_all(d, bytes_of("\x06\x00hello")).frames, std::vector<std::string>{"hello"});
}
