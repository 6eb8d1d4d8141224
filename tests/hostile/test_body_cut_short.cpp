// A handshaken peer that declares a large body and hangs up (in order, or
// with a reset) before the body is whole, or right at its end with only
// part of the next header sent. zmx reads a body of 8 KiB or more
// straight into its message, each readv(2) spanning the body's missing
// bytes and the loop's shared buffer (stream_engine_reading.cpp): the end
// of the connection comes in the middle of that. The socket must drop
// that connection, free the half-received body, never deliver a message
// in part, and keep serving a good peer whose messages, large ones too,
// arrive intact and in order before and after.
#include "attacked_router.hpp"
#include "heap_gauge.hpp"
#include "raw_peer.hpp"
#include "zmtp_bytes.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace {

using tt::raw_peer;

// Up to 1 MiB a body's message is allocated whole from its header; past
// that it grows as the bytes come (the heap then shows how far zmx read).
constexpr size_t growing = 3 * ht::mib + 7;
// The hang-up should find the body part-read, the engine between two
// reads of it. A body past 1 MiB grows with realloc(3) as its bytes come:
// once the heap shows `sent` bytes (or the first 1 MiB step of the growth)
// they were taken in. A smaller one comes whole from zmx's body allocator
// (mimalloc outside the sanitizer builds, which the gauge does not see) at
// its header: then the hang-up may come before zmx read the bytes sent, or
// after, both a connection ending inside the body.
void wait_until_taken_in(size_t heap_before, size_t declared, size_t sent) {
    if (declared > ht::mib) {
        EXPECT_TRUE(ht::heap_grows_by(heap_before, sent)) << "the body's bytes were never taken in";
    }
}

// What a dropped connection may leave behind: its session and engine are
// freed, the body it half received too.
constexpr int64_t connection_allowance = 256 * ht::kib;

// A body whose bytes say where they are and which message they belong to.
std::string body_of(size_t size, size_t seed) {
    std::string body(size, '\0');
    for (size_t i = 0; i < size; ++i)
        body[i] = static_cast<char>((i * 131 + seed * 7 + (i >> 9)) & 0xff);
    return body;
}

enum class hang_up { close, reset };

std::string hang_up_name(hang_up how) { return how == hang_up::close ? "close" : "reset"; }

void end_connection(raw_peer& attacker, hang_up how) {
    if (how == hang_up::close)
        attacker.hang_up();
    else
        attacker.reset();
}

// The ROUTER under attack and a well-behaved DEALER beside the fixture's
// own, sending numbered messages small and large (the large ones take the
// same direct reads as the attacker's body). The attacker's handshake is
// whole, so the router keeps libzmq's default ZMQ_HANDSHAKE_IVL: the
// fixture's 300 ms, meant for stalled handshakes, could run out on a
// loaded machine before the router has read the attacker's READY, and end
// the connection before the cut it is there to see.
ht::router_settings with_default_handshake_ivl(ht::router_settings settings = {}) {
    settings.handshake_ivl_ms = 30'000;
    return settings;
}

class BodyCutShort : public ::testing::Test {
protected:
    explicit BodyCutShort(ht::router_settings settings = with_default_handshake_ivl())
        : server_(settings), steady_(server_.context(), ZMQ_DEALER) {
        zt::set_bytes(steady_, ZMQ_ROUTING_ID, "steady");
        zt::connect(steady_, server_.endpoint().c_str());
    }

    // The steady peer sends a batch; the router must get each message of
    // it whole and in order, and nothing from anyone else.
    void expect_steady_batch_in_order(size_t batch) {
        const std::vector<size_t> sizes = {1, 8 * ht::kib - 1, 8 * ht::kib, 70'000, ht::mib + 3, 12};
        for (size_t i = 0; i < sizes.size(); ++i)
            zt::send_str(steady_, body_of(sizes[i], batch * 100 + i));
        for (size_t i = 0; i < sizes.size(); ++i) {
            const std::vector<std::string> got = zt::recv_multipart(server_.router());
            ASSERT_EQ(got.size(), 2u) << "batch " << batch << ", message " << i;
            ASSERT_EQ(got[0], "steady") << "a message from the attacker came: " << got[1].size() << " bytes";
            ASSERT_EQ(got[1].size(), sizes[i]) << "batch " << batch << ", message " << i;
            EXPECT_TRUE(got[1] == body_of(sizes[i], batch * 100 + i)) << "batch " << batch << ", message " << i;
        }
    }

    // The attacker's connection is over, its memory given back, and the
    // router goes on serving: a second batch, then nothing left unread.
    void expect_dropped_and_freed(size_t heap_before) {
        EXPECT_TRUE(server_.saw_disconnect());
        expect_steady_batch_in_order(1);
        EXPECT_TRUE(server_.serves_good_peer("after the attack"));
        server_.settle();
        EXPECT_FALSE(zt::wait_readable(server_.router(), 0)) << "a message in part was delivered";
        EXPECT_LT(ht::heap_growth_since(heap_before), connection_allowance) << "the half-received body was kept";
    }

    ht::attacked_router server_;
    zt::socket steady_;
};

struct cut {
    size_t declared;   // the body's size in its header
    size_t body_sent;  // of its bytes, before the hang-up
    hang_up how;
};

void PrintTo(const cut& c, std::ostream* os) {
    *os << c.body_sent << " of " << c.declared << " bytes, then " << hang_up_name(c.how);
}

class BodyCutShortInside : public BodyCutShort, public ::testing::WithParamInterface<cut> {};

// Where the body stops: within the first read of it, after the first
// 64 KiB read, a few reads on, one byte short of its end.
INSTANTIATE_TEST_SUITE_P(
    Cuts, BodyCutShortInside,
    ::testing::Values(cut{ht::mib, 100, hang_up::close}, cut{ht::mib, 64 * ht::kib + 100, hang_up::reset},
                      cut{ht::mib, ht::mib - 1, hang_up::close}, cut{ht::mib, ht::mib - 1, hang_up::reset},
                      cut{growing, 100, hang_up::reset}, cut{growing, 64 * ht::kib + 100, hang_up::close},
                      cut{growing, 300 * ht::kib, hang_up::close}, cut{growing, 300 * ht::kib, hang_up::reset},
                      cut{growing, growing - 1, hang_up::close}, cut{growing, growing - 1, hang_up::reset}),
    [](const ::testing::TestParamInfo<cut>& info) {
        return std::to_string(info.param.body_sent) + "_of_" + std::to_string(info.param.declared) + "_then_" +
               hang_up_name(info.param.how);
    });

TEST_P(BodyCutShortInside, AHangUpInsideALargeBodyDropsOnlyThatConnection) {
    expect_steady_batch_in_order(0);
    const std::string body = body_of(GetParam().declared, 7);
    const size_t heap_before = ht::heap_in_use();
    raw_peer attacker(server_.endpoint());
    ASSERT_TRUE(ht::complete_handshake(attacker, "DEALER"));
    ASSERT_TRUE(attacker.send_unless_closed(ht::long_frame_header(0, GetParam().declared) +
                                            body.substr(0, GetParam().body_sent)));
    wait_until_taken_in(heap_before, GetParam().declared, GetParam().body_sent);
    end_connection(attacker, GetParam().how);
    expect_dropped_and_freed(heap_before);
}

struct boundary {
    size_t next_header_sent;  // of the next long frame header's 9 bytes
    hang_up how;
};

void PrintTo(const boundary& b, std::ostream* os) {
    *os << b.next_header_sent << " header bytes, then " << hang_up_name(b.how);
}

class BodyCutAtItsEnd : public BodyCutShort, public ::testing::WithParamInterface<boundary> {};

INSTANTIATE_TEST_SUITE_P(Cuts, BodyCutAtItsEnd,
                         ::testing::Values(boundary{0, hang_up::close}, boundary{1, hang_up::close},
                                           boundary{1, hang_up::reset}, boundary{8, hang_up::close},
                                           boundary{8, hang_up::reset}),
                         [](const ::testing::TestParamInfo<boundary>& info) {
                             return std::to_string(info.param.next_header_sent) + "_header_bytes_then_" +
                                    hang_up_name(info.param.how);
                         });

// The body is whole, so its message is delivered; the next header is
// not, and the end of the connection finds the decoder inside it.
TEST_P(BodyCutAtItsEnd, AHangUpAfterAWholeBodyDeliversItAndDropsTheConnection) {
    expect_steady_batch_in_order(0);
    const std::string body = body_of(growing, 9);
    const std::string next_header = ht::long_frame_header(0, growing).substr(0, GetParam().next_header_sent);
    const size_t heap_before = ht::heap_in_use();
    raw_peer attacker(server_.endpoint());
    ASSERT_TRUE(ht::complete_handshake(attacker, "DEALER"));
    // Half of the body first, so that the rest and the next header's
    // start come in a read that spans the body and the shared buffer.
    ASSERT_TRUE(attacker.send_unless_closed(ht::long_frame_header(0, growing) + body.substr(0, growing / 2)));
    wait_until_taken_in(heap_before, growing, growing / 2);
    ASSERT_TRUE(attacker.send_unless_closed(body.substr(growing / 2) + next_header));
    {
        const std::vector<std::string> got = zt::recv_multipart(server_.router());
        ASSERT_EQ(got.size(), 2u);
        ASSERT_EQ(got[1].size(), growing);
        EXPECT_TRUE(got[1] == body);
    }
    end_connection(attacker, GetParam().how);
    expect_dropped_and_freed(heap_before);
}

// A frame flagged MORE arrives whole, the peer hangs up inside the next
// one's body: the router must not hand out the first part alone.
TEST_P(BodyCutShortInside, AHangUpInsideAMultipartMessageDeliversNoneOfIt) {
    expect_steady_batch_in_order(0);
    const std::string first = body_of(70'000, 11), second = body_of(GetParam().declared, 12);
    const size_t heap_before = ht::heap_in_use();
    raw_peer attacker(server_.endpoint());
    ASSERT_TRUE(ht::complete_handshake(attacker, "DEALER"));
    ASSERT_TRUE(attacker.send_unless_closed(ht::long_frame_header(ht::more_flag, first.size()) + first +
                                            ht::long_frame_header(0, GetParam().declared) +
                                            second.substr(0, GetParam().body_sent)));
    wait_until_taken_in(heap_before, GetParam().declared, GetParam().body_sent);
    end_connection(attacker, GetParam().how);
    expect_dropped_and_freed(heap_before);
}

// The router's pipes hold two messages (set before any connection: a
// high-water mark changed on a live pipe stalls it, in libzmq 4.3.4 as in
// zmx, until as many messages are read as the old one let through). From
// the attacker's, the engine keeps the third and stops reading, the rest
// of its read (whole bodies read straight into their messages, then part
// of a large one) waiting, and does not see the hang-up until the router
// makes room. Every message that was whole before the hang-up must still
// come, in order. (An orderly close only: a reset may throw away what the
// kernel holds unread.)
class BodyCutShortUnread : public BodyCutShort {
protected:
    BodyCutShortUnread() : BodyCutShort(with_default_handshake_ivl({.rcvhwm = 2})) {}
};

TEST_F(BodyCutShortUnread, AHangUpWhileTheSocketIsNotReadingStillDeliversEveryWholeMessage) {
    expect_steady_batch_in_order(0);
    // Few enough bytes that the kernel takes them all while no one reads.
    constexpr size_t whole = 4, size = 9000;
    std::string bytes;
    for (size_t i = 0; i < whole; ++i)
        bytes += ht::long_frame_header(0, size) + body_of(size, 20 + i);
    bytes += ht::long_frame_header(0, growing) + body_of(10'000, 30);
    const size_t heap_before = ht::heap_in_use();
    raw_peer attacker(server_.endpoint());
    ASSERT_TRUE(ht::complete_handshake(attacker, "DEALER"));
    ASSERT_TRUE(attacker.send_unless_closed(bytes));
    ASSERT_TRUE(zt::wait_readable(server_.router()));
    attacker.hang_up();
    for (size_t i = 0; i < whole; ++i) {
        const std::vector<std::string> got = zt::recv_multipart(server_.router());
        ASSERT_EQ(got.size(), 2u) << "message " << i;
        ASSERT_EQ(got[1].size(), size) << "message " << i;
        EXPECT_TRUE(got[1] == body_of(size, 20 + i)) << "message " << i;
    }
    expect_dropped_and_freed(heap_before);
}

}  // namespace
