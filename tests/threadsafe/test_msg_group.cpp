// A message's group (zmq_msg_set_group, zmq_msg_group; draft API): up to
// ZMQ_GROUP_MAX_LENGTH characters, kept by copies and moves, with the
// message still the 64 bytes of a zmq_msg_t. Checked against the reference
// libzmq 4.3.4 with its draft API.
#include "zmq_test.hpp"

#include <string>

namespace {

class MsgGroup : public ::testing::TestWithParam<size_t> {
protected:
    void SetUp() override { ASSERT_EQ(zmq_msg_init_size(&msg, 100), 0); }
    void TearDown() override { EXPECT_EQ(zmq_msg_close(&msg), 0); }
    std::string group() const { return std::string(GetParam(), 'g'); }
    zmq_msg_t msg;
};

// Inline groups, the longest inline one, the first long one and the limit.
INSTANTIATE_TEST_SUITE_P(Lengths, MsgGroup, ::testing::Values(0, 1, 14, 15, 16, 100, 255));

TEST_P(MsgGroup, TheGroupSetIsTheGroupRead) {
    ASSERT_EQ(zmq_msg_set_group(&msg, group().c_str()), 0);
    EXPECT_EQ(std::string(zmq_msg_group(&msg)), group());
}

TEST_P(MsgGroup, ACopyKeepsTheGroupAfterTheOriginalCloses) {
    ASSERT_EQ(zmq_msg_set_group(&msg, group().c_str()), 0);
    zmq_msg_t copy;
    zmq_msg_init(&copy);
    ASSERT_EQ(zmq_msg_copy(&copy, &msg), 0);
    EXPECT_EQ(zmq_msg_close(&msg), 0);
    zmq_msg_init(&msg);
    EXPECT_EQ(std::string(zmq_msg_group(&copy)), group());
    EXPECT_EQ(zmq_msg_close(&copy), 0);
}

TEST_P(MsgGroup, AMoveCarriesTheGroup) {
    ASSERT_EQ(zmq_msg_set_group(&msg, group().c_str()), 0);
    zmq_msg_t moved;
    zmq_msg_init(&moved);
    ASSERT_EQ(zmq_msg_move(&moved, &msg), 0);
    EXPECT_EQ(std::string(zmq_msg_group(&moved)), group());
    EXPECT_EQ(zmq_msg_close(&moved), 0);
}

// libzmq 4.3.4 keeps a long group when a shorter one is set after it.
TEST_P(MsgGroup, ZmxOnlySettingAgainReplacesTheGroup) {
    ASSERT_EQ(zmq_msg_set_group(&msg, std::string(200, 'x').c_str()), 0);
    ASSERT_EQ(zmq_msg_set_group(&msg, group().c_str()), 0);
    EXPECT_EQ(std::string(zmq_msg_group(&msg)), group());
    ASSERT_EQ(zmq_msg_set_group(&msg, "short"), 0);
    EXPECT_EQ(std::string(zmq_msg_group(&msg)), "short");
}

// libzmq 4.3.4 silently keeps the first 255 characters of a longer group
// (it measures with strnlen): zmx refuses it, as zmq_join does.
TEST(MsgGroupLimit, ZmxOnlyOneCharacterPastTheLimitIsInvalid) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    ASSERT_EQ(zmq_msg_set_group(&msg, "kept"), 0);
    const std::string too_long(ZMQ_GROUP_MAX_LENGTH + 1, 'g');
    ZT_EXPECT_ERRNO(zmq_msg_set_group(&msg, too_long.c_str()), EINVAL);
    EXPECT_EQ(std::string(zmq_msg_group(&msg)), "kept");
    EXPECT_EQ(zmq_msg_close(&msg), 0);
}

TEST(MsgGroupLimit, TheMessageIsStillSixtyFourBytes) {
    EXPECT_EQ(sizeof(zmq_msg_t), 64u);
}

TEST(MsgGroupLimit, AMessageWithoutAGroupHasTheEmptyGroup) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    EXPECT_STREQ(zmq_msg_group(&msg), "");
    EXPECT_EQ(zmq_msg_close(&msg), 0);
}

} // namespace
