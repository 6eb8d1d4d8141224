// The PLAIN mechanism (RFC 24) as a sans-I/O state machine: the client's
// HELLO and INITIATE, the server's ZAP request, WELCOME and READY, and how
// each side ends on a refusal or a malformed command. The refusal's ERROR
// is spelt as libzmq 4.3's PLAIN spells it (0x5e "RROR"), and the client
// takes that form and the RFC's.
#include <gtest/gtest.h>

#include <zmq.h>

#include <cerrno>
#include <string>

#include "zmtp/commands.hpp"
#include "zmtp/encoder.hpp"
#include "zmtp/plain_mechanism.hpp"

using namespace zmx::zmtp;

namespace {

using outcome = mechanism::outcome;

byte_view view(const std::string& text) { return {reinterpret_cast<const uint8_t*>(text.data()), text.size()}; }

// The body of the one framed command a mechanism appended.
std::string body_of_framed(const bytes& framed) {
    EXPECT_GE(framed.size(), 2u);
    EXPECT_EQ(framed[0], command_flag);
    EXPECT_EQ(framed[1], framed.size() - 2) << "one short command";
    return {reinterpret_cast<const char*>(framed.data()) + 2, framed.size() - 2};
}

std::string command(std::string_view name, const std::string& data = "") {
    bytes body;
    EXPECT_TRUE(encode_command(body, name, view(data)));
    return {body.begin(), body.end()};
}

std::string properties(const property_list& list) {
    bytes data;
    EXPECT_TRUE(encode_properties(data, list));
    return {data.begin(), data.end()};
}

our_properties us(int type) {
    our_properties p;
    p.socket_type = type;
    p.peer_address = "192.0.2.1";
    p.routing_id = "me";
    p.zap_domain = "global";
    return p;
}

const std::string libzmq_refusal = std::string("\x5e" "RROR\x03" "400");

plain_server server_awaiting_zap() {
    plain_server server(us(ZMQ_REP));
    bytes out;
    EXPECT_EQ(server.take_command(view(command("HELLO", std::string("\x05" "admin\x06" "secret"))), out),
              outcome::awaiting_zap);
    EXPECT_TRUE(out.empty()) << "nothing is said before the handler answers";
    return server;
}

} // namespace

TEST(zmtp_plain_client, StartsWithAHelloOfNameAndPassword) {
    plain_client client(us(ZMQ_REQ), "admin", "secret");
    bytes out;
    EXPECT_EQ(client.start(out), outcome::handshaking);
    EXPECT_EQ(body_of_framed(out), command("HELLO", std::string("\x05" "admin\x06" "secret")));
}

TEST(zmtp_plain_client, AnswersWelcomeWithInitiateAndIsReadyAtReady) {
    plain_client client(us(ZMQ_REQ), "admin", "secret");
    bytes out;
    client.start(out);
    out.clear();
    EXPECT_EQ(client.take_command(view(command("WELCOME")), out), outcome::handshaking);
    EXPECT_EQ(body_of_framed(out), command("INITIATE", properties({{"Socket-Type", "REQ"}})));
    out.clear();
    const property_list peer{{"Socket-Type", "REP"}};
    EXPECT_EQ(client.take_command(view(command("READY", properties(peer))), out), outcome::ready);
    EXPECT_EQ(client.peer_properties(), peer);
}

TEST(zmtp_plain_client, HearsTheStatusInLibzmqsErrorAndInTheRfcs) {
    for (const std::string& refusal : {libzmq_refusal, command("ERROR", std::string("\x03" "400"))}) {
        plain_client client(us(ZMQ_REQ), "admin", "wrong");
        bytes out;
        client.start(out);
        EXPECT_EQ(client.take_command(view(refusal), out), outcome::failed);
        EXPECT_EQ(client.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
        EXPECT_EQ(client.failure().value, 400u);
    }
}

TEST(zmtp_plain_client, ProtocolErrorsCarryTheirCode) {
    struct case_t {
        std::string body;
        uint32_t code;
    };
    const case_t cases[] = {
        {command("WELCOME", "x"), ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_WELCOME},
        {command("READY", properties({{"Socket-Type", "REP"}})), ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND},
        {command("ERROR", std::string("\x09" "400")), ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_ERROR},
        {"", ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED},
    };
    for (const auto& c : cases) {
        plain_client client(us(ZMQ_REQ), "admin", "secret");
        bytes out;
        client.start(out);
        EXPECT_EQ(client.take_command(view(c.body), out), outcome::failed) << c.body;
        EXPECT_EQ(client.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL) << c.body;
        EXPECT_EQ(client.failure().value, c.code) << c.body;
    }
}

TEST(zmtp_plain_server, AsksTheHandlerAboutAHello) {
    plain_server server = server_awaiting_zap();
    const frame_list expected{"", "1.0", "1", "global", "192.0.2.1", "me", "PLAIN", "admin", "secret"};
    EXPECT_EQ(server.zap_request(), expected);
}

TEST(zmtp_plain_server, WelcomesAnApprovedClientAndEndsWithReady) {
    plain_server server = server_awaiting_zap();
    bytes out;
    const frame_list approval{"", "1.0", "1", "200", "OK", "admin-id", properties({{"Role", "boss"}})};
    EXPECT_EQ(server.take_zap_reply(approval, out), outcome::handshaking);
    EXPECT_EQ(body_of_framed(out), command("WELCOME"));
    out.clear();
    EXPECT_EQ(server.take_command(view(command("INITIATE", properties({{"Socket-Type", "REQ"}}))), out),
              outcome::ready);
    EXPECT_EQ(body_of_framed(out), command("READY", properties({{"Socket-Type", "REP"}})));
    const property_list with_zap{{"Socket-Type", "REQ"}, {"Role", "boss"}, {"User-Id", "admin-id"}};
    EXPECT_EQ(server.peer_properties(), with_zap);
}

TEST(zmtp_plain_server, RefusesWithTheStatusInLibzmqsError) {
    plain_server server = server_awaiting_zap();
    bytes out;
    EXPECT_EQ(server.take_zap_reply({"", "1.0", "1", "400", "No", "", ""}, out), outcome::failed);
    EXPECT_EQ(body_of_framed(out), libzmq_refusal);
    EXPECT_EQ(server.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    EXPECT_EQ(server.failure().value, 400u);
}

TEST(zmtp_plain_server, DropsATemporaryFailureWithoutAWord) {
    plain_server server = server_awaiting_zap();
    bytes out;
    EXPECT_EQ(server.take_zap_reply({"", "1.0", "1", "300", "Later", "", ""}, out), outcome::failed);
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(server.failure().value, 300u);
}

TEST(zmtp_plain_server, RefusesEveryoneWithoutAHandler) {
    plain_server server = server_awaiting_zap();
    bytes out;
    EXPECT_EQ(server.no_zap_handler(out), outcome::failed);
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(server.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
    EXPECT_EQ(server.failure().value, static_cast<uint32_t>(EFAULT));
}

TEST(zmtp_plain_server, AMalformedHelloIsAProtocolError) {
    for (const std::string& data : {std::string("\x05" "admin"), std::string("\x05" "admin\x06" "secretX"),
                                    std::string("\x09" "admin")}) {
        plain_server server(us(ZMQ_REP));
        bytes out;
        EXPECT_EQ(server.take_command(view(command("HELLO", data)), out), outcome::failed) << data;
        EXPECT_EQ(server.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL);
        EXPECT_EQ(server.failure().value, static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO));
    }
}

TEST(zmtp_plain_server, ABrokenZapReplyIsAProtocolError) {
    struct case_t {
        frame_list reply;
        uint32_t code;
    };
    const case_t cases[] = {
        {{"", "1.0", "1", "200", "", ""}, ZMQ_PROTOCOL_ERROR_ZAP_MALFORMED_REPLY},
        {{"x", "1.0", "1", "200", "", "", ""}, ZMQ_PROTOCOL_ERROR_ZAP_UNSPECIFIED},
        {{"", "2.0", "1", "200", "", "", ""}, ZMQ_PROTOCOL_ERROR_ZAP_BAD_VERSION},
        {{"", "1.0", "7", "200", "", "", ""}, ZMQ_PROTOCOL_ERROR_ZAP_BAD_REQUEST_ID},
        {{"", "1.0", "1", "201", "", "", ""}, ZMQ_PROTOCOL_ERROR_ZAP_INVALID_STATUS_CODE},
        {{"", "1.0", "1", "200", "", "", "\x05" "Ro"}, ZMQ_PROTOCOL_ERROR_ZAP_INVALID_METADATA},
    };
    for (const auto& c : cases) {
        plain_server server = server_awaiting_zap();
        bytes out;
        EXPECT_EQ(server.take_zap_reply(c.reply, out), outcome::failed);
        EXPECT_TRUE(out.empty()) << "the client is not told";
        EXPECT_EQ(server.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL);
        EXPECT_EQ(server.failure().value, c.code);
    }
}
