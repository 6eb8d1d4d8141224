// zmq_msg_init_buffer is draft API in libzmq 4.3.4 (Debian's build does not
// export it), so this test is built with ZMQ_BUILD_DRAFT_API and runs
// against zmx only.
#include "zmq_test.hpp"

#include <string>

namespace {

TEST(MsgDraft, InitBufferCopiesTheBuffer) {
    char buffer[] = "copied in";
    zmq_msg_t msg;
    ASSERT_EQ(zmq_msg_init_buffer(&msg, buffer, sizeof buffer), 0);
    buffer[0] = 'X';
    EXPECT_NE(zmq_msg_data(&msg), static_cast<void*>(buffer));
    EXPECT_EQ(std::string(static_cast<const char*>(zmq_msg_data(&msg)), zmq_msg_size(&msg)),
              std::string("copied in", sizeof buffer));
    EXPECT_EQ(zmq_msg_close(&msg), 0);
}

TEST(MsgDraft, InitBufferOfNothingIsEmpty) {
    zmq_msg_t msg;
    ASSERT_EQ(zmq_msg_init_buffer(&msg, "", 0), 0);
    EXPECT_EQ(zmq_msg_size(&msg), 0u);
    EXPECT_EQ(zmq_msg_close(&msg), 0);
}

} // namespace
