// The CURVE mechanism (RFC 26) as sans-I/O state machines: a client and a
// server shaking hands in memory, then each way a hostile or broken peer
// ends it, with the ZMQ_PROTOCOL_ERROR_* code libzmq 4.3.4 reports for it:
// commands of the wrong size or version, boxes for another key, a cookie
// from another connection, an INITIATE cut inside its box (the
// CVE-2019-13132 class), and MESSAGEs replayed, altered, cut or not
// MESSAGEs at all.
#include <gtest/gtest.h>

#include <zmq.h>

#include <cerrno>
#include <deque>
#include <string>

#include "base/msg.hpp"
#include "zmtp/curve_client.hpp"
#include "zmtp/curve_server.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/encoder.hpp"

using namespace zmx::zmtp;

namespace {

using outcome = mechanism::outcome;

// The bodies of the framed commands (or frames) a mechanism appended.
std::deque<bytes> bodies_of(const bytes& framed) {
    std::deque<bytes> bodies;
    decoder d;
    size_t offset = 0;
    while (offset < framed.size()) {
        size_t consumed = 0;
        const auto result = d.decode(byte_view(framed).subspan(offset), consumed);
        offset += consumed;
        EXPECT_NE(result, decoder::result::error);
        EXPECT_NE(result, decoder::result::need_more);
        const auto* data = static_cast<const uint8_t*>(d.frame().data());
        bodies.emplace_back(data, data + d.frame().size());
    }
    return bodies;
}

std::string key_text(const curve::key& k) { return {k.begin(), k.end()}; }

struct keys {
    keys() {
        const curve::keypair server = curve::new_keypair(), client = curve::new_keypair();
        server_options.mechanism = client_options.mechanism = mechanism_kind::curve;
        server_options.as_server = true;
        server_options.curve_secret_key = key_text(server.secret_key);
        client_options.curve_server_key = key_text(server.public_key);
        client_options.curve_public_key = key_text(client.public_key);
        client_options.curve_secret_key = key_text(client.secret_key);
    }
    security_options server_options, client_options;
};

our_properties as(int type) {
    our_properties us;
    us.socket_type = type;
    us.peer_address = "192.0.2.1";
    return us;
}

class CurveMechanism : public ::testing::Test {
protected:
    CurveMechanism() : client(as(ZMQ_DEALER), k.client_options), server(as(ZMQ_ROUTER), k.server_options) {}

    bytes hello() {
        bytes out;
        EXPECT_EQ(client.start(out), outcome::handshaking);
        return bodies_of(out).front();
    }
    bytes welcome_for(const bytes& hello_body) {
        bytes out;
        EXPECT_EQ(server.take_command(hello_body, out), outcome::handshaking);
        return bodies_of(out).front();
    }
    bytes initiate_for(const bytes& welcome_body) {
        bytes out;
        EXPECT_EQ(client.take_command(welcome_body, out), outcome::handshaking);
        return bodies_of(out).front();
    }
    // The whole handshake; true when both sides are ready.
    bool shake_hands() {
        const bytes initiate = initiate_for(welcome_for(hello()));
        bytes out;
        EXPECT_EQ(server.take_command(initiate, out), outcome::awaiting_zap);
        EXPECT_EQ(server.no_zap_handler(out), outcome::ready);
        bytes ignored;
        return client.take_command(bodies_of(out).front(), ignored) == outcome::ready;
    }
    void expect_failure(const mechanism& m, uint32_t code) {
        EXPECT_EQ(m.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL);
        EXPECT_EQ(m.failure().value, code);
    }
    // A message from the client, sealed, as its bytes on the wire.
    bytes sealed(const std::string& text, uint8_t flags = 0) {
        bytes wire;
        client.sealer()->seal(flags, byte_view(reinterpret_cast<const uint8_t*>(text.data()), text.size()), wire);
        return bodies_of(wire).front();
    }
    frame_sealer::opened open_at_server(const bytes& body, std::string* text = nullptr) {
        zmx::msg m;
        EXPECT_EQ(m.init_copy_of(body.data(), body.size()), 0);
        const auto result = server.sealer()->open(m);
        if (text)
            *text = std::string(static_cast<const char*>(m.data()), m.size());
        m.close();
        return result;
    }

    keys k;
    curve_client client;
    curve_server server;
};

TEST_F(CurveMechanism, BothSidesAreReadyWithThePeersSocketType) {
    ASSERT_TRUE(shake_hands());
    EXPECT_EQ(client.peer_properties().front(), (std::pair<std::string, std::string>{"Socket-Type", "ROUTER"}));
    EXPECT_EQ(server.peer_properties().front(), (std::pair<std::string, std::string>{"Socket-Type", "DEALER"}));
    EXPECT_NE(client.sealer(), nullptr);
    EXPECT_NE(server.sealer(), nullptr);
}

TEST_F(CurveMechanism, CommandSizesAreThoseOfTheRfc) {
    const bytes h = hello();
    EXPECT_EQ(h.size(), 200u);
    const bytes w = welcome_for(h);
    EXPECT_EQ(w.size(), 168u);
    EXPECT_GE(initiate_for(w).size(), 257u);
}

TEST_F(CurveMechanism, AHelloOfTheWrongSizeIsMalformed) {
    bytes h = hello();
    h.pop_back();
    bytes out;
    EXPECT_EQ(server.take_command(h, out), outcome::failed);
    expect_failure(server, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO);
    EXPECT_TRUE(out.empty());
}

TEST_F(CurveMechanism, AHelloOfAnotherVersionIsMalformed) {
    bytes h = hello();
    h[6] = 2;  // after "\x05HELLO": major version
    bytes out;
    EXPECT_EQ(server.take_command(h, out), outcome::failed);
    expect_failure(server, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO);
}

TEST_F(CurveMechanism, AHelloSealedForAnotherServerDoesNotOpen) {
    keys other;
    curve_server stranger(as(ZMQ_ROUTER), other.server_options);
    bytes out;
    EXPECT_EQ(stranger.take_command(hello(), out), outcome::failed);
    expect_failure(stranger, ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    EXPECT_TRUE(out.empty()) << "no answer to a client we cannot read";
}

TEST_F(CurveMechanism, AnUnsetServerKeyFailsTheClientAtOnce) {
    security_options options = k.client_options;
    options.curve_server_key.clear();
    curve_client lost(as(ZMQ_DEALER), options);
    bytes out;
    EXPECT_EQ(lost.start(out), outcome::failed);
    expect_failure(lost, ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
}

TEST_F(CurveMechanism, AnInitiateCutInsideItsBoxIsRefused) {
    const bytes initiate = initiate_for(welcome_for(hello()));
    // Its metadata claims more than the box holds once cut: the box no
    // longer opens, and nothing past its end is read.
    const bytes cut(initiate.begin(), initiate.end() - 10);
    bytes out;
    EXPECT_EQ(server.take_command(cut, out), outcome::failed);
    expect_failure(server, ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
}

TEST_F(CurveMechanism, AnInitiateShorterThanTheSmallestIsMalformed) {
    const bytes initiate = initiate_for(welcome_for(hello()));
    const bytes cut(initiate.begin(), initiate.begin() + 256);
    bytes out;
    EXPECT_EQ(server.take_command(cut, out), outcome::failed);
    expect_failure(server, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_INITIATE);
}

TEST_F(CurveMechanism, ACookieFromAnotherConnectionDoesNotOpen) {
    curve_server other_connection(as(ZMQ_ROUTER), k.server_options);
    curve_client other_client(as(ZMQ_DEALER), k.client_options);
    bytes out;
    other_client.start(out);
    bytes welcome_out;
    other_connection.take_command(bodies_of(out).front(), welcome_out);
    bytes initiate_out;
    other_client.take_command(bodies_of(welcome_out).front(), initiate_out);
    welcome_for(hello());  // this server is waiting for an INITIATE
    bytes answer;
    EXPECT_EQ(server.take_command(bodies_of(initiate_out).front(), answer), outcome::failed);
    expect_failure(server, ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
}

TEST_F(CurveMechanism, AnInitiateBeforeAHelloIsUnexpected) {
    bytes body, out;
    encode_command(body, initiate_command, bytes(300, 0));
    EXPECT_EQ(server.take_command(body, out), outcome::failed);
    expect_failure(server, ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND);
}

TEST_F(CurveMechanism, TheStatusOfARefusalReachesTheClient) {
    const bytes initiate = initiate_for(welcome_for(hello()));
    bytes out;
    ASSERT_EQ(server.take_command(initiate, out), outcome::awaiting_zap);
    EXPECT_EQ(server.zap_request()[6], "CURVE");
    EXPECT_EQ(server.zap_request()[7], k.client_options.curve_public_key);
    EXPECT_EQ(server.take_zap_reply({"", "1.0", "1", "400", "no", "", ""}, out), outcome::failed);
    bytes ignored;
    EXPECT_EQ(client.take_command(bodies_of(out).front(), ignored), outcome::failed);
    EXPECT_EQ(client.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    EXPECT_EQ(client.failure().value, 400u);
}

TEST_F(CurveMechanism, EnforcingTheDomainWithoutAHandlerRefusesTheClient) {
    security_options options = k.server_options;
    our_properties us = as(ZMQ_ROUTER);
    us.zap_domain = "global";
    us.zap_enforce_domain = true;
    curve_server strict(us, options);
    bytes out;
    strict.take_command(hello(), out);
    const bytes initiate = initiate_for(bodies_of(out).front());
    bytes answer;
    ASSERT_EQ(strict.take_command(initiate, answer), outcome::awaiting_zap);
    EXPECT_EQ(strict.no_zap_handler(answer), outcome::failed);
    EXPECT_EQ(strict.failure().event, ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
    EXPECT_EQ(strict.failure().value, static_cast<uint32_t>(EFAULT));
}

TEST_F(CurveMechanism, MessagesOpenToWhatWasSealedWithTheirFlags) {
    ASSERT_TRUE(shake_hands());
    std::string text;
    EXPECT_EQ(open_at_server(sealed("first", more_flag), &text), frame_sealer::opened::message);
    EXPECT_EQ(text, "first");
    EXPECT_EQ(open_at_server(sealed("\x04PING", command_flag), &text), frame_sealer::opened::command);
    EXPECT_EQ(text, "\x04PING");
}

TEST_F(CurveMechanism, AReplayedMessageIsOutOfSequence) {
    ASSERT_TRUE(shake_hands());
    const bytes once = sealed("once");
    EXPECT_EQ(open_at_server(once), frame_sealer::opened::message);
    EXPECT_EQ(open_at_server(once), frame_sealer::opened::error);
    EXPECT_EQ(server.sealer()->error(), static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE));
}

TEST_F(CurveMechanism, MessagesOutOfOrderAreRefused) {
    ASSERT_TRUE(shake_hands());
    const bytes first = sealed("first"), second = sealed("second");
    EXPECT_EQ(open_at_server(second), frame_sealer::opened::message) << "a lost message is no error";
    EXPECT_EQ(open_at_server(first), frame_sealer::opened::error);
    EXPECT_EQ(server.sealer()->error(), static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE));
}

TEST_F(CurveMechanism, AnAlteredMessageDoesNotOpen) {
    ASSERT_TRUE(shake_hands());
    bytes altered = sealed("precious");
    altered.back() ^= 1;
    EXPECT_EQ(open_at_server(altered), frame_sealer::opened::error);
    EXPECT_EQ(server.sealer()->error(), static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC));
}

TEST_F(CurveMechanism, AMessageTooShortForItsBoxIsMalformed) {
    ASSERT_TRUE(shake_hands());
    const bytes whole = sealed("");
    const bytes cut(whole.begin(), whole.end() - 1);
    EXPECT_EQ(open_at_server(cut), frame_sealer::opened::error);
    EXPECT_EQ(server.sealer()->error(), static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_MESSAGE));
}

TEST_F(CurveMechanism, AFrameThatIsNoMessageIsUnexpected) {
    ASSERT_TRUE(shake_hands());
    const std::string plain = "\x04PING\x00\x00";
    EXPECT_EQ(open_at_server(bytes(plain.begin(), plain.end())), frame_sealer::opened::error);
    EXPECT_EQ(server.sealer()->error(), static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND));
}

// Sealed in place and opened in place: every size around the inline
// body's edge (32), a byte's (255/256) and a large body, each way.
TEST_F(CurveMechanism, EverySizeRoundTripsBothWays) {
    ASSERT_TRUE(shake_hands());
    for (size_t size : {0, 1, 31, 32, 33, 255, 256, 65536}) {
        std::string body(size, '\0');
        for (size_t i = 0; i < size; ++i)
            body[i] = static_cast<char>(i * 31 + size);
        const bytes wire = sealed(body, more_flag);
        // "\x07MESSAGE", nonce, MAC, flags byte, body.
        EXPECT_EQ(wire.size(), 8 + 8 + 16 + 1 + size);
        std::string text;
        EXPECT_EQ(open_at_server(wire, &text), frame_sealer::opened::message) << size;
        EXPECT_TRUE(text == body) << size;

        bytes back;
        server.sealer()->seal(0, byte_view(reinterpret_cast<const uint8_t*>(body.data()), body.size()), back);
        zmx::msg m;
        const bytes reply = bodies_of(back).front();
        ASSERT_EQ(m.init_copy_of(reply.data(), reply.size()), 0);
        EXPECT_EQ(client.sealer()->open(m), frame_sealer::opened::message) << size;
        EXPECT_TRUE(std::string(static_cast<const char*>(m.data()), m.size()) == body) << size;
        EXPECT_FALSE(m.has(zmx::msg::more));
        m.close();
    }
}

TEST_F(CurveMechanism, ATamperedByteAnywhereInTheBoxIsRejected) {
    ASSERT_TRUE(shake_hands());
    for (size_t size : {0, 33, 65536}) {
        const bytes wire = sealed(std::string(size, 'x'));
        // The MAC's first and last byte, the flags byte, the body's first and last.
        for (size_t at : {size_t{16}, size_t{31}, size_t{32}, size_t{33}, wire.size() - 1}) {
            if (at >= wire.size())
                continue;
            bytes altered = wire;
            altered[at] ^= 0x80;
            EXPECT_EQ(open_at_server(altered), frame_sealer::opened::error) << size << " at " << at;
            EXPECT_EQ(server.sealer()->error(), static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC));
        }
        // The untampered one still opens: a rejected frame took no nonce.
        EXPECT_EQ(open_at_server(wire), frame_sealer::opened::message) << size;
    }
}

TEST_F(CurveMechanism, ALargeBodyIsOpenedWhereItLies) {
    ASSERT_TRUE(shake_hands());
    const std::string body(1000, 'b');
    const bytes wire = sealed(body);
    zmx::msg m;
    ASSERT_EQ(m.init_copy_of(wire.data(), wire.size()), 0);
    m.set(zmx::msg::more);  // the outer frame's flag is not the message's
    const auto* received = static_cast<const uint8_t*>(m.data());
    ASSERT_EQ(server.sealer()->open(m), frame_sealer::opened::message);
    EXPECT_EQ(m.data(), received + 8 + 8 + 16 + 1) << "no copy";
    EXPECT_EQ(std::string(static_cast<const char*>(m.data()), m.size()), body);
    EXPECT_FALSE(m.has(zmx::msg::more));
    m.close();
}

TEST_F(CurveMechanism, ABodyWithItsOwnFreeFunctionIsCopiedOut) {
    ASSERT_TRUE(shake_hands());
    const std::string body(1000, 'f');
    const bytes wire = sealed(body);
    auto* copy = new bytes(wire);
    zmx::msg m;
    ASSERT_EQ(m.init_data(copy->data(), copy->size(), [](void*, void* hint) { delete static_cast<bytes*>(hint); }, copy),
              0);
    ASSERT_EQ(server.sealer()->open(m), frame_sealer::opened::message);
    EXPECT_EQ(std::string(static_cast<const char*>(m.data()), m.size()), body);
    m.close();
}

} // namespace
