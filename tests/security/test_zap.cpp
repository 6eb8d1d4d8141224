// ZAP (RFC 27) as a PLAIN server uses it, over tcp and ipc: the frames of
// the request its handler gets, the User-Id and metadata of the reply on
// every message from that peer, and each refusing status code on both
// monitors. Checked against libzmq 4.3.4
// (tests/support/check_against_libzmq.sh).
#include "plain_fixture.hpp"
#include "received_message.hpp"

#include <unistd.h>

#include <cerrno>

#include <optional>
#include <string>
#include <vector>

namespace {

using tt::transport;

class Zap : public tt::PlainPair {};

INSTANTIATE_TEST_SUITE_P(Transports, Zap, ::testing::Values(transport::tcp, transport::ipc), tt::transport_name);

// The peer's address as ZAP names it: a tcp peer's IP, or for ipc the
// peer process's credentials.
std::string zap_address_of_this_process(transport t) {
    if (t == transport::tcp)
        return "127.0.0.1";
    return "localhost:" + std::to_string(getuid()) + ":" + std::to_string(getgid()) + ":" + std::to_string(getpid());
}

TEST_P(Zap, TheRequestCarriesDomainAddressIdentityMechanismAndCredentials) {
    tt::zap_handler zap(ctx, tt::accept_plain("admin", "secret"));
    zt::set_bytes(server, ZMQ_ZAP_DOMAIN, "global");
    zt::set_bytes(server, ZMQ_ROUTING_ID, "the-server");
    bind_server();
    connect_client("admin", "secret");
    ASSERT_TRUE(server_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    const std::vector<tt::zap_request> requests = zap.requests();
    ASSERT_EQ(requests.size(), 1u);
    // Version, request id, domain, address, identity (the server's own
    // routing id), mechanism, user name, password.
    const tt::zap_request expected{"1.0",        "1",     "global", zap_address_of_this_process(GetParam()),
                                   "the-server", "PLAIN", "admin",  "secret"};
    EXPECT_EQ(requests[0], expected);
}

TEST_P(Zap, TheUserIdAndMetadataOfTheReplyComeWithEachMessage) {
    tt::zap_handler zap(ctx, [](const tt::zap_request&) {
        return tt::zap_answer{"200", "alice", tt::zap_property("Hello", "World")};
    });
    bind_server();
    connect_client("alice", "any");
    for (const char* text : {"first", "second"}) {
        zt::send_str(client, text);
        tt::received_message request(server);
        ASSERT_TRUE(request.ok());
        EXPECT_EQ(request.text(), text);
        EXPECT_EQ(request.property("User-Id"), "alice");
        EXPECT_EQ(request.property("Hello"), "World");
        EXPECT_EQ(request.property("Socket-Type"), "REQ") << "the peer's own properties stay";
        zt::send_str(server, "ok");
        EXPECT_EQ(zt::recv_str(client), "ok");
    }
}

// A ROUTER serves as handler too: it sees each request behind the
// connection's routing id and the empty delimiter.
TEST_P(Zap, ARouterCanBeTheHandler) {
    zt::socket handler(ctx, ZMQ_ROUTER);
    zt::bind(handler, "inproc://zeromq.zap.01");
    bind_server();
    connect_client("admin", "secret");
    const std::vector<std::string> request = zt::recv_multipart(handler);
    ASSERT_EQ(request.size(), 10u);
    EXPECT_EQ(request[1], "");
    EXPECT_EQ(request[2], "1.0");
    EXPECT_EQ(request[7], "PLAIN");
    EXPECT_EQ(request[8], "admin");
    zt::send_multipart(handler, {request[0], "", "1.0", request[3], "200", "OK", "router-user", ""});
    zt::send_str(client, "hello");
    tt::received_message message(server);
    ASSERT_TRUE(message.ok());
    EXPECT_EQ(message.property("User-Id"), "router-user");
}

// NULL asks the handler too, but only with a ZAP domain set (libzmq 4.3's
// rule): no credentials follow the mechanism's name.
TEST_P(Zap, ANullServerWithADomainAsksTheHandler) {
    tt::zap_handler zap(ctx, [](const tt::zap_request&) { return tt::zap_answer{"200", "anonymous", ""}; });
    zt::set_bytes(server, ZMQ_ZAP_DOMAIN, "global");
    endpoint = tt::bind_any(server, GetParam());
    zt::connect(client, endpoint.c_str());
    zt::send_str(client, "hello");
    tt::received_message request(server);
    ASSERT_TRUE(request.ok());
    EXPECT_EQ(request.property("User-Id"), "anonymous");
    const tt::zap_request expected{"1.0", "1", "global", zap_address_of_this_process(GetParam()), "", "NULL"};
    ASSERT_EQ(zap.requests().size(), 1u);
    EXPECT_EQ(zap.requests()[0], expected);
}

TEST_P(Zap, ANullServerWithADomainRefusesWhomTheHandlerRefuses) {
    tt::zap_handler zap(ctx, [](const tt::zap_request&) { return tt::zap_answer{"400", "", ""}; });
    zt::set_bytes(server, ZMQ_ZAP_DOMAIN, "global");
    endpoint = tt::bind_any(server, GetParam());
    zt::connect(client, endpoint.c_str());
    const auto client_heard = client_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    const auto server_heard = server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(client_heard && server_heard);
    EXPECT_EQ(client_heard->value, 400u);
    EXPECT_EQ(server_heard->value, 400u);
}

TEST_P(Zap, ANullServerWithoutADomainDoesNotAsk) {
    tt::zap_handler zap(ctx, [](const tt::zap_request&) { return tt::zap_answer{"400", "", ""}; });
    endpoint = tt::bind_any(server, GetParam());
    zt::connect(client, endpoint.c_str());
    zt::send_str(client, "hello");
    EXPECT_EQ(zt::recv_str(server), "hello");
    EXPECT_TRUE(zap.requests().empty());
}

// Without a handler a NULL server with a domain lets everyone in (unless
// ZMQ_ZAP_ENFORCE_DOMAIN, draft API: test_zap_draft.cpp).
TEST_P(Zap, ADomainWithoutAHandlerLetsNullClientsIn) {
    zt::set_bytes(server, ZMQ_ZAP_DOMAIN, "global");
    endpoint = tt::bind_any(server, GetParam());
    zt::connect(client, endpoint.c_str());
    zt::send_str(client, "hello");
    EXPECT_EQ(zt::recv_str(server), "hello");
}

// A client that hangs up while the server waits for its handler's answer
// is seen to go at once, as libzmq sees it (its own test_security_zap
// checks this): HANDSHAKE_FAILED_NO_DETAIL with the connection's errno,
// then DISCONNECTED, with no handshake interval to end the wait. The
// errno is EPIPE for a close, or ECONNRESET when the client's kernel
// resets the connection because the client had not read all of the
// server's greeting yet (over ipc as over tcp). The handler takes the
// request and never answers.
class ZapHangUp : public tt::PlainPair {
protected:
    ZapHangUp() {
        zt::bind(silent_handler, "inproc://zeromq.zap.01");
        zt::set_int(server, ZMQ_HANDSHAKE_IVL, 0);
    }

    void expect_seen_at_once() {
        ASSERT_TRUE(zt::wait_readable(silent_handler)) << "no ZAP request came";
        client.close();
        const std::vector<tt::event> events = server_events.until(ZMQ_EVENT_DISCONNECTED);
        ASSERT_GE(events.size(), 2u) << tt::describe(events);
        EXPECT_EQ(events[events.size() - 2].type, ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL) << tt::describe(events);
        const uint32_t error = events[events.size() - 2].value;
        EXPECT_TRUE(error == EPIPE || error == ECONNRESET) << tt::describe(events);
        EXPECT_EQ(events.back().type, ZMQ_EVENT_DISCONNECTED);
    }

    zt::socket silent_handler{ctx, ZMQ_REP};
};

INSTANTIATE_TEST_SUITE_P(Transports, ZapHangUp, ::testing::Values(transport::tcp, transport::ipc),
                         tt::transport_name);

// A NULL client sends READY without waiting: it stays unread meanwhile.
TEST_P(ZapHangUp, ANullClientThatLeavesIsSeenToGoAtOnce) {
    zt::set_bytes(server, ZMQ_ZAP_DOMAIN, "global");
    endpoint = tt::bind_any(server, GetParam());
    zt::connect(client, endpoint.c_str());
    expect_seen_at_once();
}

// A PLAIN client waits for WELCOME: nothing comes until it leaves.
TEST_P(ZapHangUp, APlainClientThatLeavesIsSeenToGoAtOnce) {
    bind_server();
    connect_client("admin", "secret");
    expect_seen_at_once();
}

// A PLAIN server and client of their own for each status code.
class ZapStatus : public ::testing::TestWithParam<std::string> {
protected:
    void handshake_with_status(const std::string& code) {
        zap.emplace(ctx, [code](const tt::zap_request&) { return tt::zap_answer{code, "", ""}; });
        zt::set_int(server, ZMQ_PLAIN_SERVER, 1);
        // libzmq holds a client it refused with 300 until this runs out.
        zt::set_int(server, ZMQ_HANDSHAKE_IVL, 200);
        const std::string at = tt::bind_any(server, transport::tcp);
        zt::set_bytes(client, ZMQ_PLAIN_USERNAME, "admin");
        zt::set_bytes(client, ZMQ_PLAIN_PASSWORD, "secret");
        zt::connect(client, at.c_str());
    }

    zt::context ctx;
    std::optional<tt::zap_handler> zap;
    zt::socket server{ctx, ZMQ_REP};
    zt::socket client{ctx, ZMQ_REQ};
    tt::event_monitor server_events{ctx, server};
    tt::event_monitor client_events{ctx, client};
};

INSTANTIATE_TEST_SUITE_P(Codes, ZapStatus, ::testing::Values("400", "500"));

// 400 (refused) and 500 (the handler failed) end the handshake with an
// ERROR that names the code: both monitors hear it.
TEST_P(ZapStatus, ARefusingCodeReachesBothMonitors) {
    handshake_with_status(GetParam());
    const auto client_heard = client_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    const auto server_heard = server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(client_heard && server_heard);
    EXPECT_EQ(client_heard->value, static_cast<uint32_t>(std::stoi(GetParam())));
    EXPECT_EQ(server_heard->value, static_cast<uint32_t>(std::stoi(GetParam())));
}

class ZapTemporaryFailure : public ZapStatus {};

// 300 (try later): the server's monitor hears the code, the client is
// dropped without an ERROR and so never hears it.
TEST_F(ZapTemporaryFailure, DropsTheClientWithoutTellingItWhy) {
    handshake_with_status("300");
    const auto server_heard = server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(server_heard);
    EXPECT_EQ(server_heard->value, 300u);
    const std::vector<tt::event> client_saw = client_events.until(ZMQ_EVENT_DISCONNECTED);
    ASSERT_FALSE(client_saw.empty());
    EXPECT_EQ(client_saw.back().type, ZMQ_EVENT_DISCONNECTED) << tt::describe(client_saw);
    for (const tt::event& e : client_saw)
        EXPECT_NE(e.type, ZMQ_EVENT_HANDSHAKE_FAILED_AUTH) << tt::describe(client_saw);
}

} // namespace
