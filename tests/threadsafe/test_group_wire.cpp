// How RADIO and DISH carry groups over ZMTP, byte for byte, against a raw
// tcp peer: a DISH's joins and leaves are JOIN and LEAVE commands, to a
// ZMTP 3.0 peer too (libzmq 4.3.4 sends them regardless of the peer's
// version); a RADIO sends a group frame (MORE) before each body and takes
// a peer's JOIN. A DISH drops a peer whose frames break that pairing.
// Checked against the reference libzmq 4.3.4 with its draft API.
#include "../transport/raw_server.hpp"

#include <string>

namespace {

using tt::raw_peer;

std::string more_frame(const std::string& body) { return std::string{'\x01', static_cast<char>(body.size())} + body; }

struct dish_and_raw_radio {
    explicit dish_and_raw_radio(char minor) : dish(ctx, ZMQ_DISH) {
        EXPECT_EQ(zmq_join(dish, "early"), 0);  // replayed when the pipe attaches
        zt::connect(dish, server.endpoint().c_str());
        radio = server.accept_handshake("RADIO", minor);
    }
    bool radio_receives(const std::string& expected) {
        return radio && radio->receive(expected.size()) == expected;
    }
    zt::context ctx;
    tt::raw_server server;
    zt::socket dish;
    std::unique_ptr<raw_peer> radio;
};

class GroupWire : public ::testing::TestWithParam<char> {};

INSTANTIATE_TEST_SUITE_P(Zmtp3, GroupWire, ::testing::Values('\0', '\1'),
                         [](const auto& info) { return "minor" + std::to_string(info.param); });

TEST_P(GroupWire, JoinsAndLeavesAreCommands) {
    dish_and_raw_radio s(GetParam());
    EXPECT_TRUE(s.radio_receives(raw_peer::command("JOIN", "early")));
    ASSERT_EQ(zmq_join(s.dish, "weather"), 0);
    EXPECT_TRUE(s.radio_receives(raw_peer::command("JOIN", "weather")));
    ASSERT_EQ(zmq_leave(s.dish, "weather"), 0);
    EXPECT_TRUE(s.radio_receives(raw_peer::command("LEAVE", "weather")));
}

TEST_P(GroupWire, AGroupFrameThenABodyIsOneMessage) {
    dish_and_raw_radio s(GetParam());
    ASSERT_TRUE(s.radio_receives(raw_peer::command("JOIN", "early")));
    s.radio->send(more_frame("early") + raw_peer::message("news"));
    zmq_msg_t m;
    zmq_msg_init(&m);
    ASSERT_EQ(zmq_msg_recv(&m, s.dish, 0), 4) << zmq_strerror(zmq_errno());
    EXPECT_STREQ(zmq_msg_group(&m), "early");
    zmq_msg_close(&m);
}

TEST_P(GroupWire, AGroupFrameWithoutMoreLosesTheConnection) {
    dish_and_raw_radio s(GetParam());
    ASSERT_TRUE(s.radio_receives(raw_peer::command("JOIN", "early")));
    s.radio->send(raw_peer::message("early"));
    EXPECT_TRUE(s.radio->closed_by_peer());
}

TEST_P(GroupWire, ARadioSendsTheGroupFrameFirst) {
    zt::context ctx;
    zt::socket radio(ctx, ZMQ_RADIO);
    const std::string endpoint = zt::bind_tcp(radio);
    raw_peer dish(endpoint);
    dish.send(raw_peer::greeting("NULL", GetParam()) + raw_peer::ready("DISH"));
    ASSERT_EQ(dish.receive(64).size(), 64u);
    const std::string header = dish.receive(2);
    ASSERT_EQ(header.size(), 2u);
    dish.receive(static_cast<uint8_t>(header[1]));  // its READY
    dish.send(raw_peer::command("JOIN", "g"));
    // The join arrives asynchronously: send until the bytes come.
    const std::string expected = more_frame("g") + raw_peer::message("body");
    std::string got;
    for (int i = 0; i < 500 && got.empty(); ++i) {
        zmq_msg_t m;
        zmq_msg_init_size(&m, 4);
        memcpy(zmq_msg_data(&m), "body", 4);
        zmq_msg_set_group(&m, "g");
        ASSERT_EQ(zmq_msg_send(&m, radio, 0), 4);
        got = dish.receive_available(10);
    }
    EXPECT_EQ(got.substr(0, expected.size()), expected);
}

} // namespace
