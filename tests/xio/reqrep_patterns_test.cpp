// The seed's five request/reply patterns (seeds/000-xio-sp-reqrep-patterns),
// as written there, over tcp, ipc and inproc: one client with ten servers,
// ten clients with one server, ten with ten, a proxy between ten clients
// and ten servers, and pipelines whose server answers out of order.
#include "sp_test.hpp"

#include <algorithm>
#include <functional>
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

// n client threads, each an SP_REQ that connect(eid) joins to its servers,
// making `requests` round trips. Join them with finish().
std::vector<std::thread> start_clients(int requests, std::function<void(int)> connect) {
    std::vector<std::thread> clients;
    for (int c = 0; c < n; ++c) {
        clients.emplace_back([requests, connect, c] {
            const int eid = xt::endpoint(SP_REQREP, SP_REQ);
            connect(eid);
            for (int i = 0; i < requests; ++i)
                xt::round_trip(eid, std::to_string(c) + "/" + std::to_string(i));
            sp_close(eid);
        });
    }
    return clients;
}

void finish(std::vector<std::thread>& clients) {
    for (auto& t : clients)
        t.join();
}

// The connect of clients whose servers listen at these addresses.
std::function<void(int)> connecting_to(std::vector<std::string> addresses) {
    return [addresses](int eid) {
        for (const auto& a : addresses)
            ASSERT_GE(sp_add(eid, xconnect(a.c_str())), 0) << strerror(errno);
    };
}

int total_served(const std::vector<std::unique_ptr<echo_server>>& servers) {
    int served = 0;
    for (const auto& s : servers)
        served += s->served();
    return served;
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
    auto clients = start_clients(1, connecting_to({a}));
    finish(clients);
    EXPECT_EQ(server.served(), n);
}

TEST_P(XioPatterns, TenClientsTenServers) {
    std::vector<std::string> addresses;
    auto servers = listening_servers(addresses, GetParam());
    auto clients = start_clients(n, connecting_to(addresses));
    finish(clients);
    EXPECT_EQ(total_served(servers), n * n);
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
    auto clients = start_clients(n, connecting_to({front_address}));
    finish(clients);
    EXPECT_EQ(total_served(servers), n * n);
    sp_close(frontend);
    sp_close(backend);
}

TEST_P(XioPatterns, PipelinesAnsweredOutOfOrder) {
    const std::string a = address();
    const int server = xt::endpoint(SP_REQREP, SP_REP);
    ASSERT_GE(sp_add(server, xlisten(a.c_str())), 0);
    auto clients = start_clients(n, connecting_to({a}));
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
    finish(clients);
    sp_close(server);
}

} // namespace
