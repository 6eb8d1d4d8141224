// 100,000 messages from one side to the other, over tcp and ipc, in both
// directions, with each side binding in turn. Each message is its sequence
// number; the receiver checks that every one arrives, once and in order,
// then b"end".
//
// PUB-SUB: a PUB drops what it cannot queue, so both sides lift the high-
// water marks (0: none); and a PUB sends nothing before a subscription has
// arrived, so the publisher repeats b"probe" until the subscriber has seen
// one, and only then starts the counted stream.
#include "interop_fixture.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace {

using interop::transport;

constexpr int stream_length = 100000;

struct stream_kind {
    const char* name;
    int zmx_type;
    const char* peer_type;
    const char* peer_role;
};

struct stream_case {
    stream_kind k;
    transport via;
    bool zmx_binds;
};

void PrintTo(const stream_case& c, std::ostream* out) {
    *out << "zmx " << (c.zmx_binds ? "binds" : "connects") << ", libzmq " << c.k.peer_type << " "
         << c.k.peer_role;
}

std::string case_name(const ::testing::TestParamInfo<stream_case>& info) {
    return std::string(interop::transport_name(info.param.via)) + "_" + info.param.k.name +
           (info.param.zmx_binds ? "_ZmxBinds" : "_LibzmqBinds");
}

class Streams : public ::testing::TestWithParam<stream_case> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }
    zt::context ctx;
};

// Receives the counted stream; returns the first problem, or "" when all
// arrived in order followed by "end".
std::string receive_stream(void* s, std::string first) {
    std::string message = std::move(first);
    int expected = 0;
    for (; message != "end"; ++expected) {
        if (message != std::to_string(expected))
            return "message " + std::to_string(expected) + " was \"" + message.substr(0, 40) + "\"";
        message = zt::recv_str(s);
    }
    if (expected != stream_length)
        return "the stream ended after " + std::to_string(expected) + " messages";
    return "";
}

TEST_P(Streams, InOrder) {
    const auto& c = GetParam();
    const bool pubsub = c.k.zmx_type == ZMQ_PUB || c.k.zmx_type == ZMQ_SUB;
    interop::endpoint_place place(c.via);
    zt::socket s(ctx, c.k.zmx_type);
    std::vector<std::string> options{"count=" + std::to_string(stream_length)};
    if (pubsub) {
        zt::set_int(s, ZMQ_SNDHWM, 0);
        zt::set_int(s, ZMQ_RCVHWM, 0);
        options.push_back("hwm=0");
    }
    // A sending peer waits for everything to leave before it exits.
    if (std::string(c.k.peer_role) == "stream-send")
        options.push_back("linger=-1");
    if (c.k.zmx_type == ZMQ_SUB)
        zt::set_bytes(s, ZMQ_SUBSCRIBE, "");
    auto peer = interop::meet(s, place, c.zmx_binds, c.k.peer_role, c.k.peer_type, options);
    if (!peer)
        return;

    switch (c.k.zmx_type) {
    case ZMQ_PUSH:
    case ZMQ_PUB:
        if (c.k.zmx_type == ZMQ_PUB) {
            while (!peer->has_line(10))
                zt::send_str(s, "probe");
            ASSERT_EQ(peer->line(), "SUBSCRIBED");
        }
        for (int i = 0; i < stream_length; ++i) {
            const std::string number = std::to_string(i);
            if (zmq_send(s, number.data(), number.size(), 0) != static_cast<int>(number.size())) {
                ADD_FAILURE() << "sending message " << i << ": " << zmq_strerror(zmq_errno());
                break;
            }
        }
        zt::send_str(s, "end");
        EXPECT_EQ(peer->line(), "STREAM " + std::to_string(stream_length) + " OK");
        break;
    case ZMQ_PULL:
    case ZMQ_SUB: {
        std::string first = zt::recv_str(s);
        if (c.k.zmx_type == ZMQ_SUB) {
            ASSERT_EQ(first, "probe");
            peer->close_stdin();  // the subscription is in place: start
            while (first == "probe")
                first = zt::recv_str(s);
        }
        EXPECT_EQ(receive_stream(s, first), "");
        break;
    }
    }
    EXPECT_EQ(peer->wait(), 0);
}

const stream_kind kinds[] = {
    {"PushToPull", ZMQ_PUSH, "PULL", "stream-recv"},
    {"PullFromPush", ZMQ_PULL, "PUSH", "stream-send"},
    {"PubToSub", ZMQ_PUB, "SUB", "stream-recv"},
    {"SubFromPub", ZMQ_SUB, "PUB", "stream-send"},
};

std::vector<stream_case> all_cases() {
    std::vector<stream_case> cases;
    for (transport via : {transport::tcp, transport::ipc})
        for (const auto& k : kinds)
            for (bool zmx_binds : {true, false})
                cases.push_back({k, via, zmx_binds});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(interop, Streams, ::testing::ValuesIn(all_cases()), case_name);

}  // namespace
