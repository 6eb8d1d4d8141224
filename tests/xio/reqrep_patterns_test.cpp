// The seed's five request/reply patterns (seeds/000-xio-sp-reqrep-patterns),
// as written there, over tcp, ipc and inproc: one client with ten servers,
// ten clients with one server, ten with ten, a proxy between ten clients
// and ten servers, and pipelines whose server answers out of order.
#include "sp_test.hpp"

#include <algorithm>
#include <memory>

namespace {

using xt::echo_server;

class XioPatterns : public ::testing::TestWithParam<std::string> {
protected:
    std::string address() { return xt::address(GetParam()); }
};

INSTANTIATE_TEST_SUITE_P(Transports, XioPatterns, ::testing::Values("tcp", "ipc", "inproc"),
                         [](const auto& info) { return info.param; });

constexpr int n = 10;

// n echo servers, each listening on an address of its own.
std::vector<std::unique_ptr<echo_server>> listening_servers(std::vector<std::string>& addresses,
                                                            const std::string& transport) {
    std::vector<std::unique_ptr<echo_server>> servers;
    for (int i = 0; i < n; ++i) {
        addresses.push_back(xt::address(transport));
        servers.push_back(std::make_unique<echo_server>());
        EXPECT_GE(sp_listen(servers.back()->eid(), addresses.back().c_str()), 0) << strerror(errno);
        servers.back()->start();
    }
    return servers;
}

TEST_P(XioPatterns, OneClientTenServers) {
    std::vector<std::string> addresses;
    auto servers = listening_servers(addresses, GetParam());
    const int eid = xt::endpoint(SP_REQREP, SP_REQ);
    for (const auto& a : addresses)
        ASSERT_GE(sp_add(eid, xconnect(a.c_str())), 0) << strerror(errno);
    for (int i = 0; i < n; ++i)
        xt::round_trip(eid, "hello" + std::to_string(i));
    sp_close(eid);
}

TEST_P(XioPatterns, TenClientsOneServer) {
    const std::string a = address();
    echo_server server;
    ASSERT_GE(sp_listen(server.eid(), a.c_str()), 0) << strerror(errno);
    server.start();
    std::vector<std::thread> clients;
    for (int c = 0; c < n; ++c) {
        clients.emplace_back([&a, c] {
            const int eid = xt::endpoint(SP_REQREP, SP_REQ);
            ASSERT_GE(sp_add(eid, xconnect(a.c_str())), 0);
            xt::round_trip(eid, "client" + std::to_string(c));
            sp_close(eid);
        });
    }
    for (auto& t : clients)
        t.join();
    EXPECT_EQ(server.served(), n);
}

TEST_P(XioPatterns, TenClientsTenServers) {
    std::vector<std::string> addresses;
    auto servers = listening_servers(addresses, GetParam());
    std::vector<std::thread> clients;
    for (int c = 0; c < n; ++c) {
        clients.emplace_back([&addresses, c] {
            const int eid = xt::endpoint(SP_REQREP, SP_REQ);
            for (const auto& a : addresses)
                ASSERT_GE(sp_add(eid, xconnect(a.c_str())), 0);
            for (int i = 0; i < n; ++i)
                xt::round_trip(eid, std::to_string(c) + "/" + std::to_string(i));
            sp_close(eid);
        });
    }
    for (auto& t : clients)
        t.join();
    int served = 0;
    for (auto& s : servers)
        served += s->served();
    EXPECT_EQ(served, n * n);
}

TEST_P(XioPatterns, ProxyBetweenTenClientsAndTenServers) {
    const std::string front_address = address();  // the clients connect here
    const std::string back_address = address();   // and the servers here
    const int frontend = sp_endpoint(SP_REQREP, SP_REQ);
    const int backend = sp_endpoint(SP_REQREP, SP_REP);
    ASSERT_EQ(sp_setopt(frontend, SP_PROXY, const_cast<int*>(&backend), sizeof backend), 0) << strerror(errno);
    ASSERT_GE(sp_listen(backend, front_address.c_str()), 0);
    ASSERT_GE(sp_listen(frontend, back_address.c_str()), 0);

    std::vector<std::unique_ptr<echo_server>> servers;
    for (int i = 0; i < n; ++i) {
        servers.push_back(std::make_unique<echo_server>());
        ASSERT_GE(sp_add(servers.back()->eid(), xconnect(back_address.c_str())), 0);
        servers.back()->start();
    }
    std::vector<std::thread> clients;
    for (int c = 0; c < n; ++c) {
        clients.emplace_back([&front_address, c] {
            const int eid = xt::endpoint(SP_REQREP, SP_REQ);
            ASSERT_GE(sp_add(eid, xconnect(front_address.c_str())), 0);
            for (int i = 0; i < n; ++i)
                xt::round_trip(eid, std::to_string(c) + "/" + std::to_string(i));
            sp_close(eid);
        });
    }
    for (auto& t : clients)
        t.join();
    int served = 0;
    for (auto& s : servers)
        served += s->served();
    EXPECT_EQ(served, n * n);
    sp_close(frontend);
    sp_close(backend);
}

TEST_P(XioPatterns, PipelinesAnsweredOutOfOrder) {
    const std::string a = address();
    const int server = xt::endpoint(SP_REQREP, SP_REP);
    ASSERT_GE(sp_add(server, xlisten(a.c_str())), 0);
    std::vector<std::thread> clients;
    for (int c = 0; c < n; ++c) {
        clients.emplace_back([&a, c] {
            const int eid = xt::endpoint(SP_REQREP, SP_REQ);
            ASSERT_GE(sp_add(eid, xconnect(a.c_str())), 0);
            for (int i = 0; i < n; ++i)
                xt::round_trip(eid, std::to_string(c) + "/" + std::to_string(i));
            sp_close(eid);
        });
    }
    // Each round every client has one request waiting: the server holds all
    // ten, then answers them last first, each with the very ubuf it got.
    for (int round = 0; round < n; ++round) {
        std::vector<char*> waiting;
        for (int c = 0; c < n; ++c) {
            char* request = nullptr;
            ASSERT_EQ(sp_recv(server, &request), 0) << strerror(errno);
            waiting.push_back(request);
        }
        std::reverse(waiting.begin(), waiting.end());
        for (char* done : waiting)
            ASSERT_EQ(sp_send(server, done), 0) << strerror(errno);
    }
    for (auto& t : clients)
        t.join();
    sp_close(server);
}

} // namespace
