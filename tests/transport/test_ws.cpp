// ws:// between two sockets of one library: endpoints and LAST_ENDPOINT,
// every classic pattern with the messages whose sizes cross WebSocket's
// length forms, multipart, ZMQ_MAXMSGSIZE and the monitor's events. Holds
// for Debian's libzmq 4.3.4 too (reference.transport_ws).
#include "endpoints.hpp"
#include "monitor_events.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace {

using parts = std::vector<std::string>;

// Around each length form's edge: a ZWS payload is the body and a flags
// byte, so 124/125 bytes and 65534/65535 bytes straddle the edges.
const std::vector<size_t> sizes = {0, 1, 124, 125, 126, 65534, 65535, 65536, 1 << 20};

std::string bind_ws(void* s, const char* address = "ws://127.0.0.1:*/zmx") {
    zt::bind(s, address);
    return tt::last_endpoint(s);
}

// "ws://127.0.0.1:<port>" followed by path.
bool is_loopback_ws(const std::string& endpoint, const std::string& path) {
    const std::string prefix = "ws://127.0.0.1:";
    if (!endpoint.starts_with(prefix) || !endpoint.ends_with(path) || endpoint.size() <= prefix.size() + path.size())
        return false;
    const std::string port = endpoint.substr(prefix.size(), endpoint.size() - prefix.size() - path.size());
    return std::all_of(port.begin(), port.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

TEST(Ws, HasWs) { EXPECT_EQ(zmq_has("WS"), 1); }

TEST(Ws, WildcardPortShowsInLastEndpointWithThePath) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    EXPECT_TRUE(is_loopback_ws(bind_ws(s), "/zmx"));
    // Without a path the resource is "/".
    EXPECT_TRUE(is_loopback_ws(bind_ws(s, "ws://127.0.0.1:*"), "/"));
}

// A connect shows its endpoint as written, but always with a path.
TEST(Ws, AConnectShowsItsEndpointWithAPath) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PUSH);
    zt::connect(s, "ws://127.0.0.1:5555");
    EXPECT_EQ(tt::last_endpoint(s), "ws://127.0.0.1:5555/");
    zt::connect(s, "ws://127.0.0.1:5555/zmx");
    EXPECT_EQ(tt::last_endpoint(s), "ws://127.0.0.1:5555/zmx");
}

TEST(Ws, UnbindByLastEndpoint) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    const std::string endpoint = bind_ws(s);
    EXPECT_EQ(zmq_unbind(s, endpoint.c_str()), 0) << zmq_strerror(zmq_errno());
}

TEST(Ws, MalformedAddressesAreRefused) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PUSH);
    EXPECT_EQ(zmq_connect(s, "ws:///path"), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
    EXPECT_EQ(zmq_bind(s, "ws:///path"), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
}

// zmx's own: libzmq takes the endpoint, and has no framing for raw bytes.
TEST(Ws, ZmxOnlyStreamSocketsAreRefused) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_STREAM);
    EXPECT_EQ(zmq_bind(s, "ws://127.0.0.1:*/zmx"), -1);
    EXPECT_EQ(zmq_errno(), ENOCOMPATPROTO);
    EXPECT_EQ(zmq_connect(s, "ws://127.0.0.1:5555/zmx"), -1);
    EXPECT_EQ(zmq_errno(), ENOCOMPATPROTO);
}

TEST(Ws, ReqRepWithEverySize) {
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    zt::socket req(ctx, ZMQ_REQ);
    zt::connect(req, bind_ws(rep).c_str());
    for (size_t size : sizes) {
        const std::string body(size, 'q');
        zt::send_str(req, body);
        EXPECT_EQ(zt::recv_str(rep), body) << size;
        zt::send_str(rep, body + "!");
        EXPECT_EQ(zt::recv_str(req), body + "!") << size;
    }
}

TEST(Ws, PushPullMultipartWithEverySize) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, bind_ws(pull).c_str());
    for (size_t size : sizes) {
        const parts message{"head", std::string(size, 'm'), "", "tail"};
        zt::send_multipart(push, message);
        EXPECT_EQ(zt::recv_multipart(pull), message) << size;
    }
}

TEST(Ws, DealerRouterBothWays) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "d1");
    zt::connect(dealer, bind_ws(router).c_str());
    zt::send_multipart(dealer, {"", "ask"});
    EXPECT_EQ(zt::recv_multipart(router), (parts{"d1", "", "ask"}));
    zt::send_multipart(router, {"d1", "", std::string(70000, 'r')});
    EXPECT_EQ(zt::recv_multipart(dealer), (parts{"", std::string(70000, 'r')}));
}

TEST(Ws, PairBindsOnTheConnectingSide) {
    zt::context ctx;
    zt::socket a(ctx, ZMQ_PAIR);
    zt::socket b(ctx, ZMQ_PAIR);
    zt::connect(a, bind_ws(b).c_str());
    zt::send_str(a, "ping");
    EXPECT_EQ(zt::recv_str(b), "ping");
    zt::send_str(b, "pong");
    EXPECT_EQ(zt::recv_str(a), "pong");
}

TEST(Ws, PubSubFiltersAtThePublisher) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_XPUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::connect(sub, bind_ws(pub).c_str());
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(zt::recv_str(pub), zt::subscription("t"));  // it crossed the wire
    zt::send_str(pub, "x-dropped");
    zt::send_str(pub, "t-kept");
    EXPECT_EQ(zt::recv_str(sub), "t-kept");
    zt::set_bytes(sub, ZMQ_UNSUBSCRIBE, "t");
    EXPECT_EQ(zt::recv_str(pub), zt::unsubscription("t"));
}

TEST(Ws, XsubXpubSubscriptionsAsMessages) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::socket xsub(ctx, ZMQ_XSUB);
    zt::connect(xsub, bind_ws(xpub).c_str());
    zt::send_str(xsub, zt::subscription("news"));
    EXPECT_EQ(zt::recv_str(xpub), zt::subscription("news"));
    zt::send_str(xpub, "news: ws");
    EXPECT_EQ(zt::recv_str(xsub), "news: ws");
}

TEST(Ws, MaxMsgSizeDropsTheConnection) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const int64_t limit = 1000;
    ASSERT_EQ(zmq_setsockopt(pull, ZMQ_MAXMSGSIZE, &limit, sizeof limit), 0);
    const std::string endpoint = bind_ws(pull);
    tt::event_monitor events(ctx, pull, ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_DISCONNECTED);
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    zt::send_str(push, std::string(1000, 'k'));
    EXPECT_EQ(zt::recv_str(pull), std::string(1000, 'k'));
    zt::send_str(push, std::string(1001, 'x'));
    EXPECT_TRUE(events.wait_for(ZMQ_EVENT_DISCONNECTED));
}

TEST(Ws, MonitorNamesWsEndpoints) {
    zt::context ctx;
    zt::socket server(ctx, ZMQ_REP);
    tt::event_monitor server_events(ctx, server);
    const std::string endpoint = bind_ws(server);
    const auto listening = server_events.wait_for(ZMQ_EVENT_LISTENING);
    ASSERT_TRUE(listening);
    EXPECT_EQ(listening->endpoint, endpoint);
    {
        zt::socket client(ctx, ZMQ_REQ);
        tt::event_monitor client_events(ctx, client);
        zt::connect(client, endpoint.c_str());
        const auto connected = client_events.wait_for(ZMQ_EVENT_CONNECTED);
        ASSERT_TRUE(connected);
        EXPECT_EQ(connected->endpoint, endpoint);
        EXPECT_TRUE(client_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
        const auto accepted = server_events.wait_for(ZMQ_EVENT_ACCEPTED);
        ASSERT_TRUE(accepted);
        EXPECT_EQ(accepted->endpoint.rfind("ws://127.0.0.1:", 0), 0u) << accepted->endpoint;
        EXPECT_TRUE(server_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
        zt::set_int(client, ZMQ_LINGER, 0);
    }
    EXPECT_TRUE(server_events.wait_for(ZMQ_EVENT_DISCONNECTED));
}

TEST(Ws, ConnectRetriesUntilTheServerBinds) {
    zt::context ctx;
    const std::string tcp = tt::endpoint_to_bind_later(tt::transport::tcp);
    const std::string endpoint = "ws://" + tcp.substr(std::string_view("tcp://").size()) + "/zmx";
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 20);
    tt::event_monitor events(ctx, push, ZMQ_EVENT_CONNECT_RETRIED | ZMQ_EVENT_HANDSHAKE_SUCCEEDED);
    zt::connect(push, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_CONNECT_RETRIED));
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    zt::send_str(push, "arrived");
    EXPECT_EQ(zt::recv_str(pull), "arrived");
}

TEST(Ws, HeartbeatsKeepAnIdleConnection) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::socket push(ctx, ZMQ_PUSH);
    for (void* s : {static_cast<void*>(pull), static_cast<void*>(push)}) {
        zt::set_int(s, ZMQ_HEARTBEAT_IVL, 20);
        zt::set_int(s, ZMQ_HEARTBEAT_TIMEOUT, 200);
    }
    const std::string endpoint = bind_ws(pull);
    tt::event_monitor events(ctx, push, ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_DISCONNECTED);
    zt::connect(push, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    // Several timeouts' worth of pings and pongs, and no disconnection.
    EXPECT_FALSE(events.wait_for(ZMQ_EVENT_DISCONNECTED, 600));
    zt::send_str(push, "still here");
    EXPECT_EQ(zt::recv_str(pull), "still here");
}

}  // namespace
