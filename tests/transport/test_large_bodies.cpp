// Large message bodies over tcp and ipc arrive byte for byte: zmx reads the
// missing bytes of a body of 8 KiB or more straight into its message, and
// in the same readv(2) what follows them into the connection's read buffer
// (at least 512 bytes of it, the whole read no more than 64 KiB). So sizes
// around those thresholds, bodies beyond the 1 MiB that is allocated at
// once, bodies back to back and between small frames, multipart messages,
// a reader too slow for its sender, and a body trickled in pieces by a
// hand-made peer are checked. Holds for Debian's libzmq 4.3.4 too.
#include "endpoints.hpp"
#include "raw_peer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace {

using tt::transport;

constexpr size_t threshold = 8 * 1024;
constexpr size_t eager_limit = size_t{1} << 20;

const std::vector<size_t> sizes = {0,
                                   1,
                                   threshold - 1,
                                   threshold,
                                   threshold + 1,
                                   threshold + 2,
                                   2 * threshold + 1,
                                   65535,
                                   65536,
                                   65537,
                                   200'000,
                                   eager_limit,
                                   eager_limit + 1,
                                   3 * eager_limit + 7};

// A body whose bytes say where they are and which message they belong to.
std::string body_of(size_t size, size_t seed) {
    std::string body(size, '\0');
    for (size_t i = 0; i < size; ++i)
        body[i] = static_cast<char>((i * 131 + seed * 7 + (i >> 9)) & 0xff);
    return body;
}

class LargeBodies : public ::testing::TestWithParam<transport> {};

INSTANTIATE_TEST_SUITE_P(Transports, LargeBodies, ::testing::Values(transport::tcp, transport::ipc),
                         tt::transport_name);

TEST_P(LargeBodies, EverySizeArrivesIntactBetweenSmallFrames) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    for (size_t i = 0; i < sizes.size(); ++i) {
        zt::send_str(push, "small " + std::to_string(i));
        zt::send_str(push, body_of(sizes[i], i));
    }
    for (size_t i = 0; i < sizes.size(); ++i) {
        EXPECT_EQ(zt::recv_str(pull), "small " + std::to_string(i));
        const std::string body = zt::recv_str(pull);
        ASSERT_EQ(body.size(), sizes[i]);
        EXPECT_TRUE(body == body_of(sizes[i], i)) << "the body of " << sizes[i] << " bytes differs";
    }
}

TEST_P(LargeBodies, MultipartMessagesKeepTheirParts) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    for (size_t i = 0; i < sizes.size(); ++i) {
        zt::send_str(push, body_of(sizes[i], i), ZMQ_SNDMORE);
        zt::send_str(push, "", ZMQ_SNDMORE);
        zt::send_str(push, body_of(sizes[sizes.size() - 1 - i], i + 100));
    }
    for (size_t i = 0; i < sizes.size(); ++i) {
        EXPECT_TRUE(zt::recv_str(pull) == body_of(sizes[i], i)) << "part 1 of message " << i;
        EXPECT_TRUE((zt::get_int(pull, ZMQ_RCVMORE) == 1));
        EXPECT_EQ(zt::recv_str(pull), "");
        EXPECT_TRUE((zt::get_int(pull, ZMQ_RCVMORE) == 1));
        EXPECT_TRUE(zt::recv_str(pull) == body_of(sizes[sizes.size() - 1 - i], i + 100)) << "part 3 of message " << i;
        EXPECT_FALSE((zt::get_int(pull, ZMQ_RCVMORE) == 1));
    }
}

// Small kernel buffers on both ends make every write of the sender
// partial: a body that goes to the kernel from its message (zmx does so
// from 8 KiB on) resumes where the last write stopped, between frames that
// were copied.
TEST_P(LargeBodies, SmallKernelBuffersSplitEveryWriteWithoutLosingAByte) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::set_int(pull, ZMQ_RCVBUF, 4096);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_SNDBUF, 4096);
    zt::connect(push, endpoint.c_str());
    for (size_t round = 0; round < 3; ++round) {
        for (size_t i = 0; i < sizes.size(); ++i) {
            zt::send_str(push, "small " + std::to_string(i), ZMQ_SNDMORE);
            zt::send_str(push, body_of(sizes[i], i + round));
        }
    }
    for (size_t round = 0; round < 3; ++round) {
        for (size_t i = 0; i < sizes.size(); ++i) {
            EXPECT_EQ(zt::recv_str(pull), "small " + std::to_string(i));
            const std::string body = zt::recv_str(pull);
            ASSERT_EQ(body.size(), sizes[i]);
            EXPECT_TRUE(body == body_of(sizes[i], i + round)) << "the body of " << sizes[i] << " bytes differs";
        }
    }
}

// Each read that ends a large body begins the next frame: bodies back to
// back, sized so that the read limit falls before, on and after the next
// header and inside the next body, arrive with their boundaries where they
// were.
TEST_P(LargeBodies, BodiesBackToBackKeepTheirBoundaries) {
    constexpr size_t read_limit = 64 * 1024;
    const std::vector<size_t> back_to_back = {threshold,        read_limit,       read_limit - 512, read_limit - 511,
                                              read_limit - 513, read_limit - 9,   read_limit - 10,  read_limit + 512,
                                              threshold - 1,    threshold + 503,  12,               2 * read_limit + 3,
                                              read_limit};
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    constexpr size_t rounds = 4;
    for (size_t round = 0; round < rounds; ++round)
        for (size_t i = 0; i < back_to_back.size(); ++i)
            zt::send_str(push, body_of(back_to_back[i], round * 100 + i));
    for (size_t round = 0; round < rounds; ++round) {
        for (size_t i = 0; i < back_to_back.size(); ++i) {
            const std::string body = zt::recv_str(pull);
            ASSERT_EQ(body.size(), back_to_back[i]) << "round " << round << ", message " << i;
            EXPECT_TRUE(body == body_of(back_to_back[i], round * 100 + i)) << "round " << round << ", message " << i;
        }
    }
}

// A reader slower than its sender: the pipe fills, the connection stops
// reading with the bytes after a body in hand, and goes on where it
// stopped each time a message is taken. Multipart messages of large and
// small parts come whole and in order.
TEST_P(LargeBodies, ASlowReaderGetsEveryMessageWholeAndInOrder) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::set_int(pull, ZMQ_RCVHWM, 2);
    zt::set_int(pull, ZMQ_RCVBUF, 4096);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_SNDHWM, 2);
    zt::set_int(push, ZMQ_SNDBUF, 4096);
    zt::connect(push, endpoint.c_str());
    auto parts_of = [](size_t n) {
        return std::vector<std::string>{body_of(70'000 + n, n), "small " + std::to_string(n),
                                        body_of(n % 2 ? 65'536 : threshold, n + 1)};
    };
    constexpr size_t total = 40;
    size_t sent = 0, received = 0;
    while (received < total) {
        // As many as the sender takes now: the rest waits for the reader.
        while (sent < total) {
            const std::vector<std::string> parts = parts_of(sent);
            if (zmq_send(push, parts[0].data(), parts[0].size(), ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0)
                break;
            zt::send_str(push, parts[1], ZMQ_SNDMORE);
            zt::send_str(push, parts[2]);
            ++sent;
        }
        if (sent == received) {  // the room the reader made has not reached the sender yet
            ASSERT_TRUE(zt::wait_writable(push));
            continue;
        }
        ASSERT_TRUE(zt::wait_readable(pull));
        EXPECT_TRUE(zt::recv_multipart(pull) == parts_of(received)) << "message " << received;
        ++received;
    }
}

// A long frame's header: MORE clear, 8-byte size (RFC 37).
std::string long_frame_header(uint64_t size) {
    std::string header(1, '\x02');
    for (int shift = 56; shift >= 0; shift -= 8)
        header += static_cast<char>((size >> shift) & 0xff);
    return header;
}

// A PULL socket and a hand-made PUSH peer, handshaken, that writes the
// frames piece by piece as the test says.
class LargeBodiesTrickled : public ::testing::Test {
protected:
    LargeBodiesTrickled() {
        peer_.send(tt::raw_peer::greeting("NULL") + tt::raw_peer::ready("PUSH"));
        // The socket's greeting first: Debian's libzmq 4.3.4 then surely
        // reads what follows the handshake as frames.
        EXPECT_EQ(peer_.receive(64).size(), 64u);
    }
    // Writes body[from, to) in writes of `piece` bytes each.
    void send_in_pieces(const std::string& body, size_t from, size_t to, size_t piece) {
        for (size_t at = from; at < to; at += piece)
            peer_.send(body.substr(at, std::min(piece, to - at)));
    }
    void expect_received(const std::string& body) {
        const std::string received = zt::recv_str(pull_);
        ASSERT_EQ(received.size(), body.size());
        EXPECT_TRUE(received == body);
    }

    zt::context ctx_;
    zt::socket pull_{ctx_, ZMQ_PULL};
    tt::raw_peer peer_{tt::bind_any(pull_, transport::tcp)};
};

TEST_F(LargeBodiesTrickled, ABodySentInPiecesArrivesWholeAndOnlyWhenComplete) {
    const std::string body = body_of(100'000, 3);
    peer_.send(long_frame_header(body.size()) + body.substr(0, 1000));
    // Some of the body is in, the socket reads it (into the message) and
    // must not deliver anything yet: a bounded wait for what may not come.
    send_in_pieces(body, 1000, 50'000, 7'001);
    zmq_pollitem_t item{pull_, 0, ZMQ_POLLIN, 0};
    EXPECT_EQ(zmq_poll(&item, 1, 100), 0);
    send_in_pieces(body, 50'000, body.size(), 9'999);
    peer_.send(tt::raw_peer::message("after"));
    expect_received(body);
    EXPECT_EQ(zt::recv_str(pull_), "after");
}

// The end of a large body, a small frame and the start of the next large
// body come in one write, then the rest of that body in pieces.
TEST_F(LargeBodiesTrickled, FramesAfterABodysEndInTheSameWriteKeepTheirOrder) {
    const std::string first = body_of(90'000, 5), second = body_of(70'001, 6);
    peer_.send(long_frame_header(first.size()) + first.substr(0, 20'000));
    peer_.send(first.substr(20'000) + tt::raw_peer::message("between") + long_frame_header(second.size()) +
               second.substr(0, 300));
    send_in_pieces(second, 300, second.size(), 16'384);
    expect_received(first);
    EXPECT_EQ(zt::recv_str(pull_), "between");
    expect_received(second);
}

} // namespace
