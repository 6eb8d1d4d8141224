// A ws:// or wss:// peer that stops reading in the middle of a large
// message. The ROUTER sending it must park the rest (over ws the body is
// spliced into sendmsg(2) from the message itself, over wss it waits in TLS
// records) with 4 KiB kernel buffers on both ends, go on serving its other
// peers meanwhile, and either finish the message intact once the peer
// reads again or, if the peer hangs up instead, drop that connection alone.
// zmx's own (Debian's libzmq 4.3.4 has no ws).
#include "monitor_events.hpp"
#include "stalling_ws_client.hpp"
#include "test_certificates.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace {

enum class scheme { ws, wss };

const tt::test_pki& pki() {
    static const tt::test_pki made;
    return made;
}

constexpr int small_buffer = 4096;
constexpr size_t large = 4 * 1024 * 1024;

// A body whose bytes say where they are and which message they belong to.
std::string body_of(size_t size, size_t seed) {
    std::string body(size, '\0');
    for (size_t i = 0; i < size; ++i)
        body[i] = static_cast<char>((i * 131 + seed * 7 + (i >> 9)) & 0xff);
    return body;
}

// A ROUTER on ws or wss with small send buffers and ROUTER_MANDATORY (a
// full pipe to a peer says EAGAIN rather than dropping), and a
// well-behaved DEALER over tcp that it must serve throughout.
class StalledReader : public ::testing::TestWithParam<scheme> {
protected:
    StalledReader() : router_(ctx_, ZMQ_ROUTER), events_(ctx_, router_), good_(ctx_, ZMQ_DEALER) {
        zt::set_int(router_, ZMQ_SNDBUF, small_buffer);
        zt::set_int(router_, ZMQ_SNDHWM, 4);
        zt::set_int(router_, ZMQ_ROUTER_MANDATORY, 1);
        if (GetParam() == scheme::wss) {
            zt::set_bytes(router_, ZMQ_WSS_CERT_PEM, pki().server.cert_pem);
            zt::set_bytes(router_, ZMQ_WSS_KEY_PEM, pki().server.key_pem);
            zt::bind(router_, "wss://127.0.0.1:*/zmx");
        } else {
            zt::bind(router_, "ws://127.0.0.1:*/zmx");
        }
        endpoint_ = zt::last_endpoint(router_);
        zt::bind(router_, "tcp://127.0.0.1:*");
        zt::connect(good_, zt::last_endpoint(router_).c_str());
        EXPECT_TRUE(serves_good_peer("hello"));
    }

    // A client that has done the handshake as a DEALER named routing_id,
    // known to the router once this returns.
    std::unique_ptr<tt::stalling_ws_client> open_client(const std::string& routing_id) {
        auto client = std::make_unique<tt::stalling_ws_client>(
            endpoint_, small_buffer, GetParam() == scheme::wss ? &pki().ca.cert_pem : nullptr);
        client->open_as_dealer(routing_id, "hello from " + routing_id);
        EXPECT_EQ(zt::recv_multipart(router_), (std::vector<std::string>{routing_id, "hello from " + routing_id}));
        return client;
    }

    bool serves_good_peer(const std::string& text) {
        zt::send_str(good_, text);
        const std::vector<std::string> request = zt::recv_multipart(router_);
        if (request.size() != 2 || request[1] != text)
            return false;
        zt::send_multipart(router_, request);
        return zt::recv_str(good_) == text;
    }

    // Sends the large message to routing_id, lets the client read its
    // frame header and the first 64 KiB of it, and then queues small
    // messages behind it until the router says EAGAIN: the connection has
    // stopped taking messages, its engine is parked with the rest of the
    // large one. Returns how many small ones were queued.
    size_t stall_inside(tt::stalling_ws_client& client, const std::string& routing_id, const std::string& body) {
        zt::send_multipart(router_, {routing_id, body});
        EXPECT_EQ(client.read_frame_header(), 1 + body.size());
        EXPECT_EQ(client.receive(1 + 64 * 1024), std::string(1, '\0') + body.substr(0, 64 * 1024));
        size_t queued = 0;
        for (; queued < 10'000; ++queued) {
            const std::string small = "small " + std::to_string(queued);
            if (zmq_send(router_, routing_id.data(), routing_id.size(), ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0) {
                EXPECT_EQ(zmq_errno(), EAGAIN);
                break;
            }
            EXPECT_EQ(zmq_send(router_, small.data(), small.size(), 0), static_cast<int>(small.size()));
        }
        EXPECT_LT(queued, 10'000u) << "the router never felt the stall";
        return queued;
    }

    zt::context ctx_;
    zt::socket router_;
    tt::event_monitor events_;
    zt::socket good_;
    std::string endpoint_;
};

INSTANTIATE_TEST_SUITE_P(Schemes, StalledReader, ::testing::Values(scheme::ws, scheme::wss),
                         [](const ::testing::TestParamInfo<scheme>& info) {
                             return info.param == scheme::ws ? "ws" : "wss";
                         });

TEST_P(StalledReader, GetsTheWholeMessageOnceItReadsAgain) {
    auto client = open_client("slow");
    const std::string body = body_of(large, 1);
    const size_t queued = stall_inside(*client, "slow", body);
    EXPECT_TRUE(serves_good_peer("during the stall"));
    const std::string rest = client->receive(body.size() - 64 * 1024);
    ASSERT_EQ(rest.size(), body.size() - 64 * 1024);
    EXPECT_TRUE(rest == body.substr(64 * 1024)) << "the large message came back altered";
    for (size_t i = 0; i < queued; ++i)
        EXPECT_EQ(client->read_frame_payload(), std::string(1, '\0') + "small " + std::to_string(i));
    // And the connection still carries the next large one.
    const std::string next = body_of(large / 3, 2);
    zt::send_multipart(router_, {"slow", next});
    EXPECT_TRUE(client->read_frame_payload() == std::string(1, '\0') + next);
}

TEST_P(StalledReader, ThatHangsUpMidMessageIsDroppedAloneAndTheRouterServesTheNext) {
    auto client = open_client("quitter");
    stall_inside(*client, "quitter", body_of(large, 3));
    client->hang_up();
    // The router writes into the closed connection (the rest of the
    // message is waiting), which fails: that connection ends.
    EXPECT_TRUE(events_.wait_for(ZMQ_EVENT_DISCONNECTED, zt::safety_timeout_ms,
                                 [this] { tt::process_commands(router_); }));
    EXPECT_TRUE(serves_good_peer("after the hang-up"));
    auto next = open_client("next");
    const std::string body = body_of(large, 4);
    zt::send_multipart(router_, {"next", body});
    EXPECT_TRUE(next->read_frame_payload() == std::string(1, '\0') + body);
}

}  // namespace
