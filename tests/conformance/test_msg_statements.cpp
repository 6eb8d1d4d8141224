// Statements of the zmq_msg_*(3) pages not covered by tests/api/test_msg
// (routing ids are draft API, checked in tests/threadsafe): properties
// through zmq_msg_get, what a failed send leaves,
// and copy/move releasing the destination's old content.
#include "zmq_test.hpp"

#include <cstring>

namespace {

// A message closed on scope exit.
struct message {
    zmq_msg_t m;
    message() { zmq_msg_init(&m); }
    explicit message(const char* text) {
        zmq_msg_init_size(&m, strlen(text));
        memcpy(zmq_msg_data(&m), text, strlen(text));
    }
    ~message() { zmq_msg_close(&m); }
    zmq_msg_t* operator&() { return &m; }
};

// zmq_msg_get(3): ZMQ_MORE as zmq_msg_more; ZMQ_SHARED 0 for a message
// that was never copied; any other property EINVAL.
TEST(MsgStatements, GetReadsMoreAndSharedAndRefusesOthers) {
    message msg("x");
    EXPECT_EQ(zmq_msg_get(&msg, ZMQ_MORE), 0);
    EXPECT_EQ(zmq_msg_get(&msg, ZMQ_SHARED), 0);
    ZT_EXPECT_ERRNO(zmq_msg_get(&msg, 12345), EINVAL);
}

TEST(MsgStatements, GetMoreFollowsTheReceivedFrame) {
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://msg-get-more");
    zt::connect(push, "inproc://msg-get-more");
    zt::send_multipart(push, {"a", "b"});
    message msg;
    ASSERT_EQ(zmq_msg_recv(&msg, pull, 0), 1);
    EXPECT_EQ(zmq_msg_get(&msg, ZMQ_MORE), 1);
    EXPECT_EQ(zmq_msg_more(&msg), 1);
    ASSERT_EQ(zmq_msg_recv(&msg, pull, 0), 1);
    EXPECT_EQ(zmq_msg_get(&msg, ZMQ_MORE), 0);
}

// zmq_msg_send(3): on failure the message is left as it was, so the caller
// can retry or close it.
TEST(MsgStatements, AFailedSendLeavesTheMessageIntact) {
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);  // no peer: sending would block
    message msg("kept");
    ZT_EXPECT_ERRNO(zmq_msg_send(&msg, push, ZMQ_DONTWAIT), EAGAIN);
    ASSERT_EQ(zmq_msg_size(&msg), 4u);
    EXPECT_EQ(memcmp(zmq_msg_data(&msg), "kept", 4), 0);
}

// zmq_msg_send(3) returns the number of bytes; zmq_msg_recv(3) too.
TEST(MsgStatements, SendAndRecvReturnTheSize) {
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://msg-sizes");
    zt::connect(push, "inproc://msg-sizes");
    message out("twelve bytes");
    EXPECT_EQ(zmq_msg_send(&out, push, 0), 12);
    EXPECT_EQ(zmq_msg_size(&out), 0u);
    message in("old content");
    EXPECT_EQ(zmq_msg_recv(&in, pull, 0), 12);
    EXPECT_EQ(memcmp(zmq_msg_data(&in), "twelve bytes", 12), 0);
}

// zmq_msg_copy(3) and zmq_msg_move(3): "the original content of dest, if
// any, shall be released"; after a move, src is an empty message.
TEST(MsgStatements, CopyAndMoveReplaceTheDestination) {
    message src("source");
    message dest("old destination");
    ASSERT_EQ(zmq_msg_copy(&dest, &src), 0);
    EXPECT_EQ(zmq_msg_size(&dest), 6u);
    EXPECT_EQ(zmq_msg_size(&src), 6u);
    message moved("another old one");
    ASSERT_EQ(zmq_msg_move(&moved, &src), 0);
    EXPECT_EQ(zmq_msg_size(&moved), 6u);
    EXPECT_EQ(memcmp(zmq_msg_data(&moved), "source", 6), 0);
    EXPECT_EQ(zmq_msg_size(&src), 0u);
}

// zmq_msg_init_size(3): storage of the size asked for, even large.
TEST(MsgStatements, InitSizeGivesTheSizeAskedFor) {
    for (size_t size : {size_t{0}, size_t{1}, size_t{33}, size_t{1} << 20}) {
        zmq_msg_t msg;
        ASSERT_EQ(zmq_msg_init_size(&msg, size), 0);
        EXPECT_EQ(zmq_msg_size(&msg), size);
        if (size)
            memset(zmq_msg_data(&msg), 'z', size);
        EXPECT_EQ(zmq_msg_close(&msg), 0);
    }
}

} // namespace
