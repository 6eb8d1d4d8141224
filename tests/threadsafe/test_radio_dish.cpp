// RADIO and DISH (zmq_socket(3), RFC 48): a RADIO sends each message to the
// DISHes that joined its group, dropping rather than blocking at the HWM; a
// DISH receives only the groups it joined, its joins reach every RADIO,
// those connected later too. Single-part, thread-safe. Over inproc, ipc and
// tcp. Checked against the reference libzmq 4.3.4 with its draft API.
#include "endpoints_all.hpp"
#include "group_messages.hpp"

#include <string>
#include <thread>
#include <vector>

namespace {

using ts::transport;

using gm::bodies_until;
using gm::recv_from_group;
using gm::send_to_group;
using gm::send_until_received;

class RadioDish : public ::testing::TestWithParam<transport> {
protected:
    // A RADIO and a DISH that joined `group`, connected, the join known.
    void meet(void* radio, void* dish, const std::string& group, bool dish_binds = true) {
        ASSERT_EQ(zmq_join(dish, group.c_str()), 0);
        if (dish_binds)
            zt::connect(radio, ts::bind_any(dish, GetParam()).c_str());
        else
            zt::connect(dish, ts::bind_any(radio, GetParam()).c_str());
        ASSERT_TRUE(send_until_received(radio, dish, group));
    }
    zt::context ctx;
};

INSTANTIATE_TEST_SUITE_P(Transports, RadioDish,
                         ::testing::Values(transport::inproc, transport::ipc, transport::tcp), ts::transport_name);

TEST_P(RadioDish, ADishReceivesOnlyTheGroupsItJoined) {
    zt::socket radio(ctx, ZMQ_RADIO);
    zt::socket dish(ctx, ZMQ_DISH);
    meet(radio, dish, "weather");
    ASSERT_EQ(send_to_group(radio, "sport", "goal"), 4);
    ASSERT_EQ(send_to_group(radio, "weather", "rain"), 4);
    ASSERT_EQ(send_to_group(radio, "weather", "end"), 3);
    EXPECT_EQ(bodies_until(dish, "end"), (std::vector<std::string>{"weather:rain", "weather:end"}));
}

TEST_P(RadioDish, EachDishGetsItsOwnGroups) {
    zt::socket radio(ctx, ZMQ_RADIO);
    const std::string endpoint = ts::bind_any(radio, GetParam());
    zt::socket first(ctx, ZMQ_DISH);
    zt::socket second(ctx, ZMQ_DISH);
    ASSERT_EQ(zmq_join(first, "a"), 0);
    ASSERT_EQ(zmq_join(second, "b"), 0);
    zt::connect(first, endpoint.c_str());
    zt::connect(second, endpoint.c_str());
    ASSERT_TRUE(send_until_received(radio, first, "a"));
    ASSERT_TRUE(send_until_received(radio, second, "b"));
    ASSERT_EQ(send_to_group(radio, "a", "for a"), 5);
    ASSERT_EQ(send_to_group(radio, "b", "for b"), 5);
    EXPECT_EQ(bodies_until(first, "for a"), std::vector<std::string>{"a:for a"});
    EXPECT_EQ(bodies_until(second, "for b"), std::vector<std::string>{"b:for b"});
}

TEST_P(RadioDish, ALeftGroupIsNoLongerReceived) {
    zt::socket radio(ctx, ZMQ_RADIO);
    zt::socket dish(ctx, ZMQ_DISH);
    meet(radio, dish, "a");
    ASSERT_EQ(zmq_leave(dish, "a"), 0);
    ASSERT_EQ(zmq_join(dish, "b"), 0);
    ASSERT_TRUE(send_until_received(radio, dish, "b"));  // the leave went before this join
    ASSERT_EQ(send_to_group(radio, "a", "left"), 4);
    ASSERT_EQ(send_to_group(radio, "b", "end"), 3);
    EXPECT_EQ(bodies_until(dish, "end"), std::vector<std::string>{"b:end"});
}

TEST_P(RadioDish, JoinsAreReplayedToARadioConnectingLater) {
    zt::socket dish(ctx, ZMQ_DISH);
    ASSERT_EQ(zmq_join(dish, "early"), 0);
    const std::string endpoint = ts::bind_any(dish, GetParam());
    zt::socket radio(ctx, ZMQ_RADIO);
    zt::connect(radio, endpoint.c_str());
    EXPECT_TRUE(send_until_received(radio, dish, "early"));
}

TEST_P(RadioDish, AJoinReachesEveryRadio) {
    zt::socket dish(ctx, ZMQ_DISH);
    zt::socket first(ctx, ZMQ_RADIO);
    zt::socket second(ctx, ZMQ_RADIO);
    zt::connect(dish, ts::bind_any(first, GetParam()).c_str());
    zt::connect(dish, ts::bind_any(second, GetParam()).c_str());
    ASSERT_EQ(zmq_join(dish, "news"), 0);
    EXPECT_TRUE(send_until_received(first, dish, "news", "from first"));
    EXPECT_TRUE(send_until_received(second, dish, "news", "from second"));
}

TEST_P(RadioDish, TheLongestGroupArrivesWhole) {
    const std::string group(ZMQ_GROUP_MAX_LENGTH, 'g');
    zt::socket radio(ctx, ZMQ_RADIO);
    zt::socket dish(ctx, ZMQ_DISH);
    meet(radio, dish, group, false);
    ASSERT_EQ(send_to_group(radio, group, "end"), 3);
    EXPECT_EQ(bodies_until(dish, "end"), std::vector<std::string>{group + ":end"});
}

TEST_P(RadioDish, ARadioAtItsHighWaterMarkDropsAndNeverBlocks) {
    zt::socket radio(ctx, ZMQ_RADIO);
    zt::socket dish(ctx, ZMQ_DISH);
    zt::set_int(radio, ZMQ_SNDHWM, 1);
    zt::set_int(dish, ZMQ_RCVHWM, 1);
    meet(radio, dish, "g");
    const int timeout_ms = -1;  // a blocking send would hang: none may block
    ASSERT_EQ(zmq_setsockopt(radio, ZMQ_SNDTIMEO, &timeout_ms, sizeof timeout_ms), 0);
    for (int i = 0; i < 100000; ++i)
        ASSERT_EQ(send_to_group(radio, "g", "x"), 1);
    if (GetParam() == transport::inproc) {  // over a network the kernel's buffers hold an unknown share
        EXPECT_LT(zt::recv_all_now(dish).size(), 100u);
    }
}

TEST_P(RadioDish, ManyThreadsShareOneRadio) {
    zt::socket radio(ctx, ZMQ_RADIO);
    zt::socket dish(ctx, ZMQ_DISH);
    zt::set_int(radio, ZMQ_SNDHWM, 0);
    zt::set_int(dish, ZMQ_RCVHWM, 0);
    meet(radio, dish, "g");
    constexpr int threads = 4;
    constexpr int each = 500;
    std::vector<std::thread> senders;
    for (int t = 0; t < threads; ++t)
        senders.emplace_back([&] {
            for (int i = 0; i < each; ++i)
                send_to_group(radio, "g", "m");
        });
    for (auto& s : senders)
        s.join();
    int count = 0;
    while (count < threads * each && recv_from_group(dish).body == "m")
        ++count;
    EXPECT_EQ(count, threads * each);
}

class RadioDishRules : public ::testing::Test {
protected:
    zt::context ctx;
};

TEST_F(RadioDishRules, JoinAndLeaveRefuseBadGroups) {
    zt::socket dish(ctx, ZMQ_DISH);
    const std::string longest(ZMQ_GROUP_MAX_LENGTH, 'g');
    const std::string too_long(ZMQ_GROUP_MAX_LENGTH + 1, 'g');
    ZT_EXPECT_ERRNO(zmq_join(dish, too_long.c_str()), EINVAL);
    EXPECT_EQ(zmq_join(dish, longest.c_str()), 0);
    ZT_EXPECT_ERRNO(zmq_join(dish, longest.c_str()), EINVAL);  // joined already
    ZT_EXPECT_ERRNO(zmq_leave(dish, too_long.c_str()), EINVAL);
    ZT_EXPECT_ERRNO(zmq_leave(dish, "never joined"), EINVAL);
    EXPECT_EQ(zmq_leave(dish, longest.c_str()), 0);
    ZT_EXPECT_ERRNO(zmq_leave(dish, longest.c_str()), EINVAL);  // left already
}

TEST_F(RadioDishRules, OnlyADishJoins) {
    zt::socket radio(ctx, ZMQ_RADIO);
    zt::socket sub(ctx, ZMQ_SUB);
    ZT_EXPECT_ERRNO(zmq_join(radio, "g"), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_leave(radio, "g"), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_join(sub, "g"), ENOTSUP);
}

TEST_F(RadioDishRules, ARadioOnlySendsAndADishOnlyReceives) {
    zt::socket radio(ctx, ZMQ_RADIO);
    zt::socket dish(ctx, ZMQ_DISH);
    char buffer[8];
    ZT_EXPECT_ERRNO(zmq_recv(radio, buffer, sizeof buffer, ZMQ_DONTWAIT), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_send(dish, "x", 1, ZMQ_DONTWAIT), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_send(dish, "x", 1, ZMQ_SNDMORE), ENOTSUP);  // not sending, before not multipart
}

TEST_F(RadioDishRules, MessagesAreSinglePart) {
    zt::socket radio(ctx, ZMQ_RADIO);
    ZT_EXPECT_ERRNO(send_to_group(radio, "g", "part", ZMQ_SNDMORE), EINVAL);
}

TEST_F(RadioDishRules, ARadioWithNoDishTakesEveryMessage) {
    zt::socket radio(ctx, ZMQ_RADIO);
    EXPECT_EQ(send_to_group(radio, "g", "lost", ZMQ_DONTWAIT), 4);
}

} // namespace
