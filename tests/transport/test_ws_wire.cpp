// ws:// as a hand-made client sees it: the HTTP upgrade (the accept key,
// the subprotocol, a 400 and a closed connection for every request that
// is not a proper one) and RFC 6455 framing (fragments joined, ping
// answered, each malformed frame closing that connection only). zmx's own
// behaviour: libzmq 4.3.4 closes a bad upgrade without a 400 and does not
// reassemble fragments, so there is no reference run.
#include "monitor_events.hpp"
#include "ws_raw_client.hpp"

#include <string>

namespace {

using tt::raw_peer;

class WsWire : public ::testing::Test {
protected:
    WsWire() : pull_(ctx_, ZMQ_PULL) {
        zt::bind(pull_, "ws://127.0.0.1:*/zmx");
        endpoint_ = zt::last_endpoint(pull_);
    }

    // A client past the upgrade and the NULL handshake, as a PUSH.
    void open_as_push(raw_peer& client) {
        client.send(tt::upgrade_request());
        const std::string head = tt::read_head(client);
        ASSERT_EQ(head.rfind("HTTP/1.1 101", 0), 0u) << head;
        const tt::received_frame ready = tt::read_ws_frame(client);
        ASSERT_EQ(ready.opcode, 0x2);
        ASSERT_EQ(ready.payload.substr(0, 7), std::string("\x02\x05READY", 7));
        client.send(tt::zws(2, tt::ready_body("PUSH")));
    }

    // Another connection still works: a bad one closed only itself.
    void expect_socket_still_serves() {
        zt::socket push(ctx_, ZMQ_PUSH);
        zt::connect(push, endpoint_.c_str());
        zt::send_str(push, "still serving");
        EXPECT_EQ(zt::recv_str(pull_), "still serving");
    }

    void expect_refused(const std::string& request) {
        raw_peer client(endpoint_);
        client.send_unless_closed(request);
        const std::string head = tt::read_head(client);
        EXPECT_EQ(head.rfind("HTTP/1.1 400", 0), 0u) << head;
        EXPECT_TRUE(client.closed_by_peer());
    }

    void expect_frame_closes(const std::string& frame) {
        raw_peer client(endpoint_);
        open_as_push(client);
        client.send_unless_closed(frame);
        EXPECT_TRUE(client.closed_by_peer());
        expect_socket_still_serves();
    }

    zt::context ctx_;
    zt::socket pull_;
    std::string endpoint_;
};

TEST_F(WsWire, UpgradeAnswersWithTheAcceptKeyAndSubprotocol) {
    raw_peer client(endpoint_);
    client.send(tt::upgrade_request("ZWS2.0/NULL,ZWS2.0"));
    const std::string head = tt::read_head(client);
    EXPECT_EQ(head.rfind("HTTP/1.1 101 Switching Protocols\r\n", 0), 0u) << head;
    EXPECT_NE(head.find("Sec-WebSocket-Accept: " + tt::sample_accept + "\r\n"), std::string::npos) << head;
    EXPECT_NE(head.find("Sec-WebSocket-Protocol: ZWS2.0/NULL\r\n"), std::string::npos) << head;
}

TEST_F(WsWire, NonUpgradeRequestGets400) { expect_refused("GET / HTTP/1.1\r\nHost: x\r\n\r\n"); }
TEST_F(WsWire, PostGets400) {
    std::string request = tt::upgrade_request();
    expect_refused("POST" + request.substr(3));
}
TEST_F(WsWire, MissingKeyGets400) { expect_refused(tt::upgrade_request("ZWS2.0/NULL", "")); }
TEST_F(WsWire, MalformedKeyGets400) { expect_refused(tt::upgrade_request("ZWS2.0/NULL", "not-a-key")); }
TEST_F(WsWire, UnknownSubprotocolGets400) { expect_refused(tt::upgrade_request("chat")); }
TEST_F(WsWire, OtherMechanismGets400) { expect_refused(tt::upgrade_request("ZWS2.0/PLAIN")); }
TEST_F(WsWire, MissingSubprotocolGets400) { expect_refused(tt::upgrade_request("")); }
TEST_F(WsWire, WrongVersionGets400) {
    std::string request = tt::upgrade_request();
    request.replace(request.find("Version: 13"), 11, "Version: 8");
    expect_refused(request);
}
TEST_F(WsWire, TooLongHeaderLineGets400) {
    expect_refused(tt::upgrade_request("ZWS2.0/NULL", tt::sample_key, "X-Long: " + std::string(5000, 'l') + "\r\n"));
}
TEST_F(WsWire, TooManyHeadersGets400) {
    std::string extra;
    for (int i = 0; i < 100; ++i)
        extra += "X-" + std::to_string(i) + ": v\r\n";
    expect_refused(tt::upgrade_request("ZWS2.0/NULL", tt::sample_key, extra));
}
TEST_F(WsWire, TooLongHeadGets400) {
    std::string extra;
    for (int i = 0; i < 20; ++i)
        extra += "X-" + std::to_string(i) + ": " + std::string(1000, 'v') + "\r\n";
    expect_refused(tt::upgrade_request("ZWS2.0/NULL", tt::sample_key, extra));
}
TEST_F(WsWire, HeaderWithoutColonGets400) {
    expect_refused(tt::upgrade_request("ZWS2.0/NULL", tt::sample_key, "no colon here\r\n"));
}

TEST_F(WsWire, BadUpgradeIsAFailedHandshakeOnTheMonitor) {
    tt::event_monitor events(ctx_, pull_, ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL);
    expect_refused("GET / HTTP/1.1\r\n\r\n");
    const auto failed = events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL);
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->value, static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_WS_UNSPECIFIED));
}

TEST_F(WsWire, FragmentsAreJoinedAroundAPing) {
    raw_peer client(endpoint_);
    open_as_push(client);
    const std::string body(300, 'f');
    std::string bytes = tt::ws_frame(std::string(1, '\0') + body.substr(0, 100), {.fin = false});
    bytes += tt::ws_frame("hi", {.opcode = 0x9});  // control frames may come between fragments
    bytes += tt::ws_frame(body.substr(100, 150), {.opcode = 0x0, .fin = false});
    bytes += tt::ws_frame(body.substr(250), {.opcode = 0x0});
    client.send(bytes);
    EXPECT_EQ(zt::recv_str(pull_), body);
    const tt::received_frame pong = tt::read_ws_frame(client);
    EXPECT_EQ(pong.opcode, 0xA);
    EXPECT_EQ(pong.payload, "hi");
}

TEST_F(WsWire, MultipartAndLongLengths) {
    raw_peer client(endpoint_);
    open_as_push(client);
    client.send(tt::zws(1, "part one") + tt::zws(0, std::string(70000, 'L')));
    EXPECT_EQ(zt::recv_multipart(pull_), (std::vector<std::string>{"part one", std::string(70000, 'L')}));
}

TEST_F(WsWire, CloseIsAnswered) {
    raw_peer client(endpoint_);
    open_as_push(client);
    client.send(tt::ws_frame("\x03\xe8", {.opcode = 0x8}));
    const tt::received_frame close = tt::read_ws_frame(client);
    EXPECT_EQ(close.opcode, 0x8);
    EXPECT_EQ(close.payload, "\x03\xe8");
    EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(WsWire, UnmaskedClientFrameCloses) { expect_frame_closes(tt::ws_frame("\0x", {.masked = false})); }
TEST_F(WsWire, HugeLengthCloses) {
    expect_frame_closes(tt::ws_frame("", {.claimed_length = uint64_t{1} << 63}));
}
TEST_F(WsWire, OversizeControlFrameCloses) { expect_frame_closes(tt::ws_frame(std::string(126, 'p'), {.opcode = 0x9})); }
TEST_F(WsWire, FragmentedControlFrameCloses) { expect_frame_closes(tt::ws_frame("p", {.opcode = 0x9, .fin = false})); }
TEST_F(WsWire, TextFrameCloses) { expect_frame_closes(tt::ws_frame("\0text", {.opcode = 0x1})); }
TEST_F(WsWire, ContinuationWithoutStartCloses) { expect_frame_closes(tt::ws_frame("\0x", {.opcode = 0x0})); }
TEST_F(WsWire, MessageWithoutFlagsByteCloses) { expect_frame_closes(tt::ws_frame("")); }
TEST_F(WsWire, ReservedBitsClose) { expect_frame_closes(tt::ws_frame("\0x", {.opcode = 0x42})); }

// libzmq's bare "ZWS2.0", the only one a browser can offer (its WebSocket
// API refuses a '/' in a subprotocol): no handshake, each side's routing id
// message first (ours empty), then messages.
void open_bare(raw_peer& client, const std::string& routing_id) {
    client.send(tt::upgrade_request("ZWS2.0"));
    const std::string head = tt::read_head(client);
    ASSERT_EQ(head.rfind("HTTP/1.1 101", 0), 0u) << head;
    EXPECT_NE(head.find("Sec-WebSocket-Protocol: ZWS2.0\r\n"), std::string::npos) << head;
    const tt::received_frame id = tt::read_ws_frame(client);
    EXPECT_EQ(id.opcode, 0x2);
    EXPECT_EQ(id.payload, std::string(1, '\0'));  // a final frame, empty
    client.send(tt::zws(0, routing_id));
}

TEST_F(WsWire, BareZws2CarriesMessages) {
    raw_peer client(endpoint_);
    open_bare(client, "");
    client.send(tt::zws(1, "part one") + tt::zws(0, "part two"));
    EXPECT_EQ(zt::recv_multipart(pull_), (std::vector<std::string>{"part one", "part two"}));
}

TEST_F(WsWire, BareZws2RoutingIdNamesThePeerToARouter) {
    zt::socket router(ctx_, ZMQ_ROUTER);
    zt::bind(router, "ws://127.0.0.1:*/router");
    raw_peer client(zt::last_endpoint(router));
    open_bare(client, "browser");
    client.send(tt::zws(1, "") + tt::zws(0, "request"));
    EXPECT_EQ(zt::recv_multipart(router), (std::vector<std::string>{"browser", "", "request"}));
    zt::send_multipart(router, {"browser", "", "reply"});
    EXPECT_EQ(tt::read_ws_frame(client).payload, std::string("\x01", 1));
    EXPECT_EQ(tt::read_ws_frame(client).payload, std::string("\0reply", 6));
}

TEST_F(WsWire, BareZws2ReachesAnXpubAsSubscriptionMessages) {
    zt::socket xpub(ctx_, ZMQ_XPUB);
    zt::bind(xpub, "ws://127.0.0.1:*/news");
    raw_peer client(zt::last_endpoint(xpub));
    open_bare(client, "");
    client.send(tt::zws(0, "\x01news"));
    EXPECT_EQ(zt::recv_str(xpub), "\x01news");
    zt::send_str(xpub, "news 1");
    EXPECT_EQ(tt::read_ws_frame(client).payload, std::string("\0news 1", 7));
}

// Without a handshake there is no security: a socket with a mechanism
// other than NULL, or with a ZAP domain, refuses bare ZWS 2.0.
TEST_F(WsWire, BareZws2RefusedWhereSecurityIsAsked) {
    zt::socket plain(ctx_, ZMQ_PULL);
    zt::set_int(plain, ZMQ_PLAIN_SERVER, 1);
    zt::bind(plain, "ws://127.0.0.1:*/plain");
    raw_peer plain_client(zt::last_endpoint(plain));
    plain_client.send_unless_closed(tt::upgrade_request("ZWS2.0"));
    EXPECT_EQ(tt::read_head(plain_client).rfind("HTTP/1.1 400", 0), 0u);

    zt::socket zap(ctx_, ZMQ_PULL);
    zt::set_bytes(zap, ZMQ_ZAP_DOMAIN, "global");
    zt::bind(zap, "ws://127.0.0.1:*/zap");
    raw_peer zap_client(zt::last_endpoint(zap));
    zap_client.send_unless_closed(tt::upgrade_request("ZWS2.0"));
    EXPECT_EQ(tt::read_head(zap_client).rfind("HTTP/1.1 400", 0), 0u);
}

}  // namespace
