// ZMQ_STREAM between zmx and libzmq 4.3.4: a libzmq STREAM socket (Debian's
// pyzmq in a separate process, stream_peer.py) and a zmx one exchange raw
// bytes over tcp, each side binding once. zmx announces the connection and,
// once the libzmq side closed it with an empty message, its loss.
#include "../interop/peer_process.hpp"
#include "zmq_test.hpp"

#include <string>

namespace {

struct stream_message {
    std::string id;
    std::string data;
};

stream_message recv_stream(void* s) {
    stream_message m;
    m.id = zt::recv_str(s);
    EXPECT_EQ(zt::get_int(s, ZMQ_RCVMORE), 1);
    m.data = zt::recv_str(s);
    return m;
}

// The peer's half of the conversation, seen from zmx's socket s.
void talk_with(void* s, interop::peer_process& peer) {
    const stream_message hello = recv_stream(s);
    ASSERT_EQ(hello.data, "") << "a connection is announced first";

    std::string line;
    while (line.find('\n') == std::string::npos) {
        const stream_message m = recv_stream(s);
        ASSERT_EQ(m.id, hello.id);
        ASSERT_FALSE(m.data.empty()) << "the peer left early";
        ASSERT_NE(m.data.front(), '<') << m.data;  // zt::recv_str's failure text
        line += m.data;
    }
    EXPECT_EQ(line, "hello from libzmq\n");

    zt::send_str(s, hello.id, ZMQ_SNDMORE);
    zt::send_str(s, "hello from zmx\n");
    EXPECT_EQ(peer.line(), "GOT hello from zmx");
    EXPECT_EQ(peer.line(), "CLOSED");

    const stream_message gone = recv_stream(s);
    EXPECT_EQ(gone.id, hello.id);
    EXPECT_EQ(gone.data, "") << "the loss is announced";
    peer.close_stdin();
    EXPECT_EQ(peer.wait(), 0);
}

TEST(StreamInterop, ZmxBindsLibzmqConnects) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_STREAM);
    zt::bind(s, "tcp://127.0.0.1:*");
    char endpoint[256];
    size_t size = sizeof endpoint;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
    interop::peer_process peer({"connect", endpoint});
    ASSERT_EQ(peer.line(), "PEER -");
    talk_with(s, peer);
}

TEST(StreamInterop, LibzmqBindsZmxConnects) {
    interop::peer_process peer({"bind", "tcp://127.0.0.1:*"});
    const std::string ready = peer.line();
    ASSERT_EQ(ready.rfind("PEER tcp://", 0), 0u) << ready;
    zt::context ctx;
    zt::socket s(ctx, ZMQ_STREAM);
    zt::set_int(s, ZMQ_RECONNECT_IVL, 60000);  // not again within the test
    zt::connect(s, ready.substr(5).c_str());
    talk_with(s, peer);
}

} // namespace
