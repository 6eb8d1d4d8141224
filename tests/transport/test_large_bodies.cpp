// Large message bodies over tcp and ipc arrive byte for byte: zmx reads a
// body with more than 8 KiB still to come straight into its message instead
// of through the connection's read buffer, so sizes around that threshold,
// bodies beyond the 1 MiB that is allocated at once, bodies between small
// frames and in multipart messages, and a body trickled in pieces by a
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

// A long frame's header: MORE clear, 8-byte size (RFC 37).
std::string long_frame_header(uint64_t size) {
    std::string header(1, '\x02');
    for (int shift = 56; shift >= 0; shift -= 8)
        header += static_cast<char>((size >> shift) & 0xff);
    return header;
}

TEST(LargeBodiesTrickled, ABodySentInPiecesArrivesWholeAndOnlyWhenComplete) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, transport::tcp);
    tt::raw_peer peer(endpoint);
    peer.send(tt::raw_peer::greeting("NULL") + tt::raw_peer::ready("PUSH"));
    const std::string body = body_of(100'000, 3);
    peer.send(long_frame_header(body.size()) + body.substr(0, 1000));
    // Some of the body is in, the socket reads it (into the message) and
    // must not deliver anything yet: a bounded wait for what may not come.
    for (size_t at = 1000; at < 50'000; at += 7'001)
        peer.send(body.substr(at, std::min<size_t>(7'001, 50'000 - at)));
    zmq_pollitem_t item{pull, 0, ZMQ_POLLIN, 0};
    EXPECT_EQ(zmq_poll(&item, 1, 100), 0);
    for (size_t at = 50'000; at < body.size(); at += 9'999)
        peer.send(body.substr(at, std::min<size_t>(9'999, body.size() - at)));
    peer.send(tt::raw_peer::message("after"));
    const std::string received = zt::recv_str(pull);
    ASSERT_EQ(received.size(), body.size());
    EXPECT_TRUE(received == body);
    EXPECT_EQ(zt::recv_str(pull), "after");
}

} // namespace
