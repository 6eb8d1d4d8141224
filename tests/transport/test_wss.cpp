// wss:// (ZWS 2.0 over TLS) between zmx sockets, with certificates made at
// run time: patterns both ways round, large messages, CURVE inside TLS, the
// ZMQ_WSS_* options, and what a certificate that does not verify or a peer
// that does not speak TLS gets. Debian's libzmq 4.3.4 has no wss, so these
// are zmx's own (no reference run).
#include "curve_keys.hpp"
#include "endpoints.hpp"
#include "monitor_events.hpp"
#include "raw_peer.hpp"
#include "test_certificates.hpp"

#include <string>
#include <vector>

namespace {

// One authority and server certificate for the whole binary (key
// generation is the slow part), and an unrelated authority.
const tt::test_pki& pki() {
    static const tt::test_pki made;
    return made;
}

const tt::test_pki& other_pki() {
    static const tt::test_pki made;
    return made;
}

// A server's certificate and key, then a wildcard bind: the endpoint got.
std::string bind_wss(void* s, const tt::tls_identity& identity = pki().server) {
    zt::set_bytes(s, ZMQ_WSS_CERT_PEM, identity.cert_pem);
    zt::set_bytes(s, ZMQ_WSS_KEY_PEM, identity.key_pem);
    zt::bind(s, "wss://127.0.0.1:*/zmx");
    return tt::last_endpoint(s);
}

// A client that trusts `ca` (and checks `hostname` if not empty).
void connect_wss(void* s, const std::string& endpoint, const tt::tls_identity& ca = pki().ca,
                 const std::string& hostname = "") {
    zt::set_bytes(s, ZMQ_WSS_TRUST_PEM, ca.cert_pem);
    if (!hostname.empty())
        zt::set_bytes(s, ZMQ_WSS_HOSTNAME, hostname);
    zt::connect(s, endpoint.c_str());
}

void expect_round_trip(void* requester, void* replier, const std::string& body) {
    zt::send_str(requester, body);
    EXPECT_EQ(zt::recv_str(replier), body);
    zt::send_str(replier, body + "!");
    EXPECT_EQ(zt::recv_str(requester), body + "!");
}

TEST(Wss, HasWss) {
    EXPECT_EQ(zmq_has("WSS"), 1);
    EXPECT_EQ(zmq_has("wss"), 1);
}

TEST(Wss, LastEndpointIsWss) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    const std::string endpoint = bind_wss(s);
    EXPECT_TRUE(endpoint.starts_with("wss://127.0.0.1:")) << endpoint;
    EXPECT_TRUE(endpoint.ends_with("/zmx")) << endpoint;
    EXPECT_EQ(zmq_unbind(s, endpoint.c_str()), 0) << zmq_strerror(zmq_errno());
}

// As libzmq: the texts are taken as they come, TRUST_SYSTEM is 0 or 1, and
// none of them can be read back.
TEST(Wss, OptionsAreWriteOnly) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_REQ);
    zt::set_int(s, ZMQ_WSS_TRUST_SYSTEM, 1);
    zt::set_int(s, ZMQ_WSS_TRUST_SYSTEM, 0);
    const int two = 2;
    EXPECT_EQ(zmq_setsockopt(s, ZMQ_WSS_TRUST_SYSTEM, &two, sizeof two), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
    EXPECT_EQ(zmq_setsockopt(s, ZMQ_WSS_HOSTNAME, "", 0), 0);
    EXPECT_EQ(zmq_setsockopt(s, ZMQ_WSS_HOSTNAME, nullptr, 0), 0);
    EXPECT_EQ(zmq_setsockopt(s, ZMQ_WSS_TRUST_PEM, nullptr, 5), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
    char buffer[64];
    size_t size = sizeof buffer;
    for (int option : {ZMQ_WSS_KEY_PEM, ZMQ_WSS_CERT_PEM, ZMQ_WSS_TRUST_PEM, ZMQ_WSS_HOSTNAME, ZMQ_WSS_TRUST_SYSTEM}) {
        EXPECT_EQ(zmq_getsockopt(s, option, buffer, &size), -1) << option;
        EXPECT_EQ(zmq_errno(), EINVAL) << option;
    }
}

// zmx's own: libzmq asserts on a wss bind without a loadable certificate.
TEST(Wss, BindWithoutUsableCertificateIsRefused) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_REP);
    EXPECT_EQ(zmq_bind(s, "wss://127.0.0.1:*/zmx"), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
    zt::set_bytes(s, ZMQ_WSS_CERT_PEM, "not a certificate");
    zt::set_bytes(s, ZMQ_WSS_KEY_PEM, pki().server.key_pem);
    EXPECT_EQ(zmq_bind(s, "wss://127.0.0.1:*/zmx"), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
}

TEST(Wss, ConnectWithBrokenTrustIsRefused) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_REQ);
    zt::set_bytes(s, ZMQ_WSS_TRUST_PEM, "-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----\n");
    EXPECT_EQ(zmq_connect(s, "wss://127.0.0.1:5555/zmx"), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
}

TEST(Wss, ReqRepWithTheServerBinding) {
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    zt::socket req(ctx, ZMQ_REQ);
    connect_wss(req, bind_wss(rep));
    for (size_t size : {0, 125, 126, 65536, 1 << 20})
        expect_round_trip(req, rep, std::string(size, 'w'));
}

// With 4 KiB kernel buffers each end takes TLS records a piece at a time:
// every message, and the order of a burst, survives the partial writes.
TEST(Wss, SmallKernelBuffersTakeTheRecordsInPieces) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(pull, ZMQ_RCVBUF, 4096);
    zt::set_int(push, ZMQ_SNDBUF, 4096);
    connect_wss(push, bind_wss(pull));
    const std::vector<size_t> sizes = {1, 4095, 4096, 70'000, 1 << 20, 17, 300'000};
    for (size_t i = 0; i < sizes.size(); ++i)
        zt::send_str(push, std::string(sizes[i], static_cast<char>('a' + i)));
    for (size_t i = 0; i < sizes.size(); ++i)
        EXPECT_TRUE(zt::recv_str(pull) == std::string(sizes[i], static_cast<char>('a' + i))) << "message " << i;
}

TEST(Wss, ReqRepWithTheClientBinding) {
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    zt::socket rep(ctx, ZMQ_REP);
    connect_wss(rep, bind_wss(req));
    expect_round_trip(req, rep, "hello");
}

TEST(Wss, PubSubBothWaysRound) {
    zt::context ctx;
    for (bool pub_binds : {true, false}) {
        zt::socket pub(ctx, ZMQ_PUB);
        zt::socket sub(ctx, ZMQ_SUB);
        zt::set_bytes(sub, ZMQ_SUBSCRIBE, "news");
        if (pub_binds)
            connect_wss(sub, bind_wss(pub));
        else
            connect_wss(pub, bind_wss(sub));
        EXPECT_TRUE(zt::publish_until_received(pub, sub, "news probe")) << pub_binds;
        zt::send_multipart(pub, {"news", std::string(1 << 20, 'n')});
        zt::send_str(pub, "other");
        zt::send_str(pub, "news end");
        std::vector<std::string> got = zt::recv_multipart(sub);
        while (got.size() == 1 && got[0] == "news probe")
            got = zt::recv_multipart(sub);
        EXPECT_EQ(got, (std::vector<std::string>{"news", std::string(1 << 20, 'n')}));
        EXPECT_EQ(zt::recv_str(sub), "news end");
    }
}

TEST(Wss, HostnameMatchingTheCertificateIsAccepted) {
    zt::context ctx;
    for (const char* name : {"localhost", "127.0.0.1"}) {
        zt::socket rep(ctx, ZMQ_REP);
        zt::socket req(ctx, ZMQ_REQ);
        connect_wss(req, bind_wss(rep), pki().ca, name);
        expect_round_trip(req, rep, name);
    }
}

TEST(Wss, TrustSystemIsAcceptedBesideTrustPem) {
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_int(req, ZMQ_WSS_TRUST_SYSTEM, 1);
    connect_wss(req, bind_wss(rep));
    expect_round_trip(req, rep, "system");
}

// A client that cannot verify the server: the handshake fails on both
// sides (HANDSHAKE_FAILED_NO_DETAIL, as libzmq reports a TLS failure), the
// client tries again as over tcp, and no message gets through.
void expect_refused_server(const tt::tls_identity& ca, const std::string& hostname) {
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    zt::socket req(ctx, ZMQ_REQ);
    tt::event_monitor client_events(ctx, req);
    tt::event_monitor server_events(ctx, rep);
    zt::set_int(req, ZMQ_RECONNECT_IVL, 10);
    connect_wss(req, bind_wss(rep), ca, hostname);
    zt::send_str(req, "must not arrive");
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto failed = client_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
        ASSERT_TRUE(failed) << "attempt " << attempt;
        EXPECT_EQ(failed->value, static_cast<uint32_t>(EPROTO));
    }
    EXPECT_TRUE(server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL));
    EXPECT_FALSE(zt::wait_readable(rep, 0));
}

TEST(Wss, ServerFromAnotherAuthorityFailsTheHandshake) { expect_refused_server(other_pki().ca, ""); }

TEST(Wss, ServerWithAnotherNameFailsTheHandshake) { expect_refused_server(pki().ca, "zmx.example.org"); }

// Garbage where a TLS hello belongs: that connection ends, the listener
// and its other peers carry on.
TEST(Wss, GarbageInsteadOfTlsDropsOnlyThatPeer) {
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    tt::event_monitor server_events(ctx, rep);
    const std::string endpoint = bind_wss(rep);
    zt::socket req(ctx, ZMQ_REQ);
    connect_wss(req, endpoint);
    expect_round_trip(req, rep, "before");
    tt::raw_peer garbage(endpoint);
    garbage.send("GET / HTTP/1.1\r\nHost: nobody\r\n\r\n" + std::string(4096, '\x16'));
    EXPECT_TRUE(garbage.closed_by_peer());
    EXPECT_TRUE(server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL));
    expect_round_trip(req, rep, "after");
}

TEST(Wss, CurveInsideTls) {
    zt::context ctx;
    const tt::curve_keys server_keys, client_keys;
    zt::socket rep(ctx, ZMQ_REP);
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_int(rep, ZMQ_CURVE_SERVER, 1);
    zt::set_bytes(rep, ZMQ_CURVE_SECRETKEY, server_keys.secret_z85);
    zt::set_bytes(req, ZMQ_CURVE_SERVERKEY, server_keys.public_z85);
    zt::set_bytes(req, ZMQ_CURVE_PUBLICKEY, client_keys.public_z85);
    zt::set_bytes(req, ZMQ_CURVE_SECRETKEY, client_keys.secret_z85);
    connect_wss(req, bind_wss(rep));
    expect_round_trip(req, rep, "sealed twice");
    expect_round_trip(req, rep, std::string(1 << 20, 'c'));
}

}  // namespace
