// output_queue: encoded bytes and spliced bodies leave in the order they
// were queued, whatever the kernel takes per call. A socketpair with a
// small send buffer makes every sendmsg(2) partial, and the reader takes
// what arrives a little at a time.
#include "transport/output_queue.hpp"

#include <gtest/gtest.h>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace {

using zmx::msg;
using zmx::output_queue;

struct socket_pair {
    int writer = -1;
    int reader = -1;
    socket_pair() {
        int fds[2];
        EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
        writer = fds[0];
        reader = fds[1];
        const int small = 4096;
        ::setsockopt(writer, SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
        ::setsockopt(reader, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    }
    ~socket_pair() {
        ::close(writer);
        ::close(reader);
    }
};

std::string pattern(size_t size, size_t seed) {
    std::string s(size, '\0');
    for (size_t i = 0; i < size; ++i)
        s[i] = static_cast<char>((i * 31 + seed * 17 + (i >> 8)) & 0xff);
    return s;
}

void append(output_queue& q, const std::string& s) { q.bytes().insert(q.bytes().end(), s.begin(), s.end()); }

void splice(output_queue& q, const std::string& s) {
    msg m;
    ASSERT_EQ(m.init_copy_of(s.data(), s.size()), 0);
    q.splice(m);
    EXPECT_EQ(m.size(), 0U);  // taken over
}

// Sends until everything is out, reading at most `chunk` bytes per turn.
std::string drain(output_queue& q, socket_pair& pair, size_t chunk) {
    std::string received;
    std::vector<char> buffer(chunk);
    for (;;) {
        const output_queue::outcome outcome = q.send_to(pair.writer);
        EXPECT_NE(outcome, output_queue::outcome::failed) << std::strerror(errno);
        if (outcome == output_queue::outcome::all_sent && q.size() == 0) {
            ssize_t n;
            while ((n = ::recv(pair.reader, buffer.data(), buffer.size(), 0)) > 0)
                received.append(buffer.data(), static_cast<size_t>(n));
            return received;
        }
        pollfd readable{pair.reader, POLLIN, 0};
        EXPECT_EQ(::poll(&readable, 1, 5000), 1);
        const ssize_t n = ::recv(pair.reader, buffer.data(), buffer.size(), 0);
        if (n > 0)
            received.append(buffer.data(), static_cast<size_t>(n));
    }
}

TEST(OutputQueue, BytesAloneGoOutWhole) {
    socket_pair pair;
    output_queue q;
    const std::string bytes = pattern(100'000, 1);
    append(q, bytes);
    EXPECT_EQ(q.size(), bytes.size());
    EXPECT_EQ(drain(q, pair, 777), bytes);
    EXPECT_EQ(q.size(), 0U);
}

TEST(OutputQueue, SplicedBodiesKeepTheirPlaceAroundTheThreshold) {
    const size_t threshold = output_queue::splice_threshold;
    for (size_t chunk : {97U, 4096U, 65536U}) {
        socket_pair pair;
        output_queue q;
        std::string expected;
        size_t seed = 0;
        for (size_t size : {threshold - 1, threshold, threshold + 1, 3 * threshold + 5, size_t{200'000}}) {
            const std::string header = pattern(seed % 9 + 1, seed);
            const std::string body = pattern(size, seed + 100);
            append(q, header);
            if (size >= threshold)
                splice(q, body);
            else
                append(q, body);
            expected += header + body;
            ++seed;
        }
        append(q, "tail");
        expected += "tail";
        EXPECT_EQ(q.size(), expected.size());
        EXPECT_EQ(drain(q, pair, chunk), expected) << "reading " << chunk << " bytes at a time";
    }
}

TEST(OutputQueue, BodiesBackToBackAndFirstOrLast) {
    socket_pair pair;
    output_queue q;
    const std::string a = pattern(20'000, 2), b = pattern(9'000, 3);
    splice(q, a);  // nothing before it
    splice(q, b);  // nothing between
    EXPECT_EQ(q.size(), a.size() + b.size());
    EXPECT_EQ(drain(q, pair, 4096), a + b);
}

TEST(OutputQueue, MoreBodiesThanOneCallGathers) {
    socket_pair pair;
    output_queue q;
    std::string expected;
    for (size_t i = 0; i < 100; ++i) {
        const std::string header(1, static_cast<char>(i));
        const std::string body = pattern(output_queue::splice_threshold, i);
        append(q, header);
        splice(q, body);
        expected += header + body;
    }
    EXPECT_EQ(drain(q, pair, 65536), expected);
}

TEST(OutputQueue, ClearReleasesWhatWasNotSent) {
    output_queue q;
    append(q, "head");
    splice(q, pattern(50'000, 4));
    q.clear();
    EXPECT_EQ(q.size(), 0U);  // and ASan sees no leak of the spliced body
}

TEST(OutputQueue, AClosedPeerFailsTheSend) {
    socket_pair pair;
    output_queue q;
    append(q, "head");
    splice(q, pattern(50'000, 5));
    ::close(pair.reader);
    pair.reader = ::dup(pair.writer);  // something valid for the destructor to close
    ::shutdown(pair.writer, SHUT_RDWR);
    EXPECT_EQ(q.send_to(pair.writer), output_queue::outcome::failed);
    EXPECT_EQ(errno, EPIPE);
}

} // namespace
