// SP_REQREP beyond the seed's patterns: the route and hop count a request
// carries, proxies (by SP_PROXY, chained, and by hand), and a server that
// disappears in the middle of a stream of requests.
#include "sp_test.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace {

using xt::echo_server;

class XioReqRep : public ::testing::TestWithParam<std::string> {
protected:
    std::string address() { return xt::address(GetParam()); }
};

INSTANTIATE_TEST_SUITE_P(Transports, XioReqRep, ::testing::Values("tcp", "ipc", "inproc"),
                         [](const auto& info) { return info.param; });

TEST_P(XioReqRep, RequestCarriesItsRouteAndHopsReplyCarriesNone) {
    const std::string a = address();
    const int server = xt::endpoint(SP_REQREP, SP_REP);
    ASSERT_GE(sp_listen(server, a.c_str()), 0);
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    ASSERT_GE(sp_connect(client, a.c_str()), 0);
    ASSERT_EQ(sp_send(client, xt::ubuf_of("question")), 0);
    char* request = nullptr;
    ASSERT_EQ(sp_recv(server, &request), 0);
    int controls = -1;
    ASSERT_EQ(uctl(request, SNUM, &controls), 0);
    EXPECT_EQ(controls, 1);  // the route
    EXPECT_EQ(xt::hops_of(request), 1);
    ASSERT_EQ(sp_send(server, request), 0);
    char* reply = nullptr;
    ASSERT_EQ(sp_recv(client, &reply), 0);
    ASSERT_EQ(uctl(reply, SNUM, &controls), 0);
    EXPECT_EQ(controls, 0);
    EXPECT_EQ(xt::take_string(reply), "question");
    sp_close(client);
    sp_close(server);
}

// A proxy: an SP_REP where upstream connects, an SP_REQ that connects
// downstream.
struct proxy_hop {
    int rep = xt::endpoint(SP_REQREP, SP_REP);
    int req = xt::endpoint(SP_REQREP, SP_REQ);
    proxy_hop(const std::string& listen_on, const std::string& next) {
        EXPECT_GE(sp_listen(rep, listen_on.c_str()), 0);
        EXPECT_GE(sp_connect(req, next.c_str()), 0);
        EXPECT_EQ(sp_setopt(req, SP_PROXY, &rep, sizeof rep), 0);
    }
    ~proxy_hop() {
        sp_close(req);
        sp_close(rep);
    }
};

TEST_P(XioReqRep, ChainOfThreeProxies) {
    std::vector<std::string> hops;
    for (int i = 0; i < 4; ++i)
        hops.push_back(address());  // three proxies, then the server
    std::atomic<int> hop_counts_seen{0};
    echo_server server;
    ASSERT_GE(sp_listen(server.eid(), hops[3].c_str()), 0);
    server.start([&](char* request) { hop_counts_seen += xt::hops_of(request) == 4; });
    std::vector<std::unique_ptr<proxy_hop>> chain;
    for (int i = 0; i < 3; ++i)
        chain.push_back(std::make_unique<proxy_hop>(hops[i], hops[i + 1]));

    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    ASSERT_GE(sp_connect(client, hops[0].c_str()), 0);
    for (int i = 0; i < 20; ++i)
        xt::round_trip(client, "through three proxies " + std::to_string(i));
    EXPECT_EQ(hop_counts_seen, 20);
    sp_close(client);
}

TEST_P(XioReqRep, ProxyByHandCarriesTheRouteInTheUbuf) {
    const std::string front = address();
    const std::string back = address();
    echo_server server;
    std::atomic<int> hops{0};
    ASSERT_GE(sp_listen(server.eid(), back.c_str()), 0);
    server.start([&](char* request) { hops = xt::hops_of(request); });
    const int proxy_rep = xt::endpoint(SP_REQREP, SP_REP);
    const int proxy_req = xt::endpoint(SP_REQREP, SP_REQ);
    ASSERT_GE(sp_listen(proxy_rep, front.c_str()), 0);
    ASSERT_GE(sp_connect(proxy_req, back.c_str()), 0);
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    ASSERT_GE(sp_connect(client, front.c_str()), 0);

    ASSERT_EQ(sp_send(client, xt::ubuf_of("by hand")), 0);
    char* u = nullptr;
    ASSERT_EQ(sp_recv(proxy_rep, &u), 0);
    ASSERT_EQ(sp_send(proxy_req, u), 0);  // the route goes along
    ASSERT_EQ(sp_recv(proxy_req, &u), 0);
    EXPECT_EQ(xt::hops_of(u), 1);  // the reply has its route back
    ASSERT_EQ(sp_send(proxy_rep, u), 0);
    ASSERT_EQ(sp_recv(client, &u), 0);
    EXPECT_EQ(xt::take_string(u), "by hand");
    EXPECT_EQ(hops, 2);
    sp_close(client);
    sp_close(proxy_req);
    sp_close(proxy_rep);
}

// A server that answers `quota` requests, then closes with the rest of
// what it was sent unanswered.
class vanishing_server {
public:
    vanishing_server(const std::string& a, int quota) : eid_(sp_endpoint(SP_REQREP, SP_REP)) {
        EXPECT_GE(sp_listen(eid_, a.c_str()), 0);
        thread_ = std::thread([this, quota] {
            for (int i = 0; i < quota; ++i) {
                char* request = nullptr;
                ASSERT_EQ(sp_recv(eid_, &request), 0);
                ASSERT_EQ(sp_send(eid_, request), 0);
                ++served_;
            }
            sp_close(eid_);
        });
    }
    ~vanishing_server() { thread_.join(); }
    int served() const { return served_; }

private:
    int eid_;
    std::atomic<int> served_{0};
    std::thread thread_;
};

TEST_P(XioReqRep, RequestsOfAServerThatDisappearsGoToTheOthers) {
    constexpr int total = 300;
    constexpr int quota = 20;
    std::vector<std::string> addresses = {address(), address(), address()};
    echo_server first, third;
    ASSERT_GE(sp_listen(first.eid(), addresses[0].c_str()), 0);
    ASSERT_GE(sp_listen(third.eid(), addresses[2].c_str()), 0);
    first.start();
    third.start();
    vanishing_server second(addresses[1], quota);

    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    for (const auto& a : addresses)
        ASSERT_GE(sp_connect(client, a.c_str()), 0);
    // Until each server has answered one, every connection is up.
    for (int i = 0; first.served() == 0 || second.served() == 0 || third.served() == 0; ++i) {
        ASSERT_LT(i, 1000) << "a server never got a request";
        xt::round_trip(client, "warm-up");
    }
    // The stream: the second server takes a third of it, answers some and
    // is gone; what it left unanswered must reach the others.
    for (int i = 0; i < total; ++i)
        ASSERT_EQ(sp_send(client, xt::ubuf_of(std::to_string(i))), 0) << strerror(errno);
    std::set<std::string> answered;
    for (int i = 0; i < total; ++i) {
        char* reply = nullptr;
        ASSERT_EQ(sp_recv(client, &reply), 0) << "after " << i << " replies: " << strerror(errno);
        EXPECT_TRUE(answered.insert(xt::take_string(reply)).second) << "a reply came twice";
    }
    EXPECT_EQ(answered.size(), size_t{total});
    EXPECT_EQ(second.served(), quota);
    sp_close(client);
}

} // namespace
