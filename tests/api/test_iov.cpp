// zmq_sendiov and zmq_recviov. libzmq 4.3.4 has no man page for them; its
// source comments and its behaviour, checked here, are the contract:
// sendiov sends each buffer as a frame with the caller's flags, except that
// the last frame never has ZMQ_SNDMORE, and returns what the last send
// returned (that frame's size); recviov returns the number of frames read.
#include "zmq_test.hpp"

#include <sys/uio.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace {

class Iov : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket sender{ctx, ZMQ_PAIR};
    zt::socket receiver{ctx, ZMQ_PAIR};

    void SetUp() override {
        zt::bind(receiver, "inproc://iov");
        zt::connect(sender, "inproc://iov");
    }

    int sendiov(std::vector<std::string> parts, int flags) {
        std::vector<iovec> iov;
        for (auto& part : parts)
            iov.push_back({part.data(), part.size()});
        return zmq_sendiov(sender, iov.data(), iov.size(), flags);
    }
};

std::vector<std::string> take(iovec* iov, size_t count) {
    std::vector<std::string> parts;
    for (size_t i = 0; i < count; ++i) {
        parts.emplace_back(static_cast<char*>(iov[i].iov_base), iov[i].iov_len);
        std::free(iov[i].iov_base);
    }
    return parts;
}

TEST_F(Iov, SendiovWithoutMoreSendsEachBufferAsItsOwnMessage) {
    EXPECT_EQ(sendiov({"one", "three", "fifteen"}, 0), 7);
    for (const char* expected : {"one", "three", "fifteen"}) {
        EXPECT_EQ(zt::recv_str(receiver), expected);
        EXPECT_EQ(zt::get_int(receiver, ZMQ_RCVMORE), 0);
    }
}

TEST_F(Iov, SendiovWithMoreSendsOneMultipartMessageThatEnds) {
    EXPECT_EQ(sendiov({"a", "bb", "ccc"}, ZMQ_SNDMORE), 3);
    zt::send_str(sender, "next");
    EXPECT_EQ(zt::recv_multipart(receiver), (std::vector<std::string>{"a", "bb", "ccc"}));
    EXPECT_EQ(zt::recv_multipart(receiver), (std::vector<std::string>{"next"}));
}

TEST_F(Iov, SendiovRefusesNoBuffers) {
    iovec iov{};
    ZT_EXPECT_ERRNO(zmq_sendiov(sender, &iov, 0, 0), EINVAL);
    ZT_EXPECT_ERRNO(zmq_sendiov(sender, nullptr, 1, 0), EINVAL);
}

TEST_F(Iov, RecviovReturnsTheNumberOfFrames) {
    zt::send_multipart(sender, {"x", "yyyy", ""});
    iovec iov[8];
    size_t count = 8;
    EXPECT_EQ(zmq_recviov(receiver, iov, &count, 0), 3);
    ASSERT_EQ(count, 3u);
    EXPECT_EQ(take(iov, count), (std::vector<std::string>{"x", "yyyy", ""}));
    EXPECT_EQ(zt::get_int(receiver, ZMQ_RCVMORE), 0);
}

TEST_F(Iov, RecviovStopsAtCountAndLeavesTheRest) {
    zt::send_multipart(sender, {"1", "2", "3"});
    iovec iov[2];
    size_t count = 2;
    EXPECT_EQ(zmq_recviov(receiver, iov, &count, 0), 2);
    ASSERT_EQ(count, 2u);
    EXPECT_EQ(take(iov, count), (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(zt::get_int(receiver, ZMQ_RCVMORE), 1);
    EXPECT_EQ(zt::recv_str(receiver), "3");
}

TEST_F(Iov, RecviovWithNothingToReadFailsHavingReadNoFrame) {
    iovec iov[2];
    size_t count = 2;
    ZT_EXPECT_ERRNO(zmq_recviov(receiver, iov, &count, ZMQ_DONTWAIT), EAGAIN);
    EXPECT_EQ(count, 0u);
}

} // namespace
