// wss:// across processes against the reference libzmq 4.3.4 built with
// GnuTLS (wss_peer.c), both roles: zmx as the TLS client of a reference
// server and as the server of a reference client, with the certificates
// made here (test_certificates.hpp). Debian's libzmq has no wss; the
// reference has it once libgnutls28-dev was there when it was built, and
// this test fails (never skips) when it has not.
#include "../interop/peer_process.hpp"
#include "endpoints.hpp"
#include "test_certificates.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace {

using interop::peer_process;

// A temporary directory with the files wss_peer.c reads.
class tls_directory {
public:
    tls_directory() {
        std::string pattern = (std::filesystem::temp_directory_path() / "zmx-wss-XXXXXX").string();
        EXPECT_NE(mkdtemp(pattern.data()), nullptr);
        path_ = pattern;
        write("server.pem", pki.server.cert_pem);
        write("server.key", pki.server.key_pem);
        write("ca.pem", pki.ca.cert_pem);
    }
    ~tls_directory() { std::filesystem::remove_all(path_); }

    std::string path() const { return path_.string(); }
    const tt::test_pki pki;

private:
    void write(const char* name, const std::string& text) const { std::ofstream(path_ / name) << text; }

    std::filesystem::path path_;
};

std::unique_ptr<peer_process> start_peer(const std::string& role, const std::string& how, const std::string& endpoint,
                                         const tls_directory& tls, std::string& ready) {
    auto peer = std::make_unique<peer_process>(
        std::vector<std::string>{ZMX_WSS_PEER, role, how, endpoint, tls.path()}, std::vector<std::string>{},
        peer_process::program{});
    ready = peer->line();
    EXPECT_EQ(ready.rfind("ready ", 0), 0u) << ready;
    return peer;
}

TEST(WssInterop, ZmxClientOfAReferenceServer) {
    const tls_directory tls;
    std::string ready;
    auto peer = start_peer("rep", "bind", "wss://127.0.0.1:*/ref", tls, ready);
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_bytes(req, ZMQ_WSS_TRUST_PEM, tls.pki.ca.cert_pem);
    zt::set_bytes(req, ZMQ_WSS_HOSTNAME, "localhost");
    zt::connect(req, ready.substr(6).c_str());
    for (const std::string& body : {std::string("hello"), std::string(1 << 20, 'z'), std::string("quit")}) {
        zt::send_str(req, body);
        EXPECT_EQ(zt::recv_str(req), body);
    }
    EXPECT_EQ(peer->wait(), 0);
}

TEST(WssInterop, ZmxServerOfAReferenceClient) {
    const tls_directory tls;
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    zt::set_bytes(rep, ZMQ_WSS_CERT_PEM, tls.pki.server.cert_pem);
    zt::set_bytes(rep, ZMQ_WSS_KEY_PEM, tls.pki.server.key_pem);
    zt::bind(rep, "wss://127.0.0.1:*/zmx");
    std::string ready;
    auto peer = start_peer("req", "connect", tt::last_endpoint(rep), tls, ready);
    for (int i = 0; i < 2; ++i)
        zt::send_str(rep, zt::recv_str(rep));
    EXPECT_EQ(peer->line(), "reply 5");
    EXPECT_EQ(peer->line(), "reply 1048576");
    EXPECT_EQ(peer->wait(), 0);
}

}  // namespace
