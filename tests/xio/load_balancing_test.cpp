// SP_REQ's load-balancing strategies: weighted round robin, a user hash
// over the ubuf, and the consistent-hash ring (its remapping bound).
#include "sp_test.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace {

using xt::echo_server;

// Echo servers on inproc addresses that note which of them saw each body.
class recording_servers {
public:
    explicit recording_servers(int count) {
        for (int i = 0; i < count; ++i)
            add();
    }

    // One more server: its index.
    int add() {
        const int index = static_cast<int>(servers_.size());
        addresses_.push_back(xt::address("inproc"));
        servers_.push_back(std::make_unique<echo_server>());
        EXPECT_GE(sp_listen(servers_.back()->eid(), addresses_.back().c_str()), 0);
        servers_.back()->start([this, index](char* request) {
            std::lock_guard lock(mutex_);
            seen_by_[std::string(request, static_cast<size_t>(usize(request)))] = index;
        });
        return index;
    }

    // Connects client to server i: the connector's fd.
    int connect(int client, int i) { return sp_connect(client, addresses_[static_cast<size_t>(i)].c_str()); }
    int served(int i) const { return servers_[static_cast<size_t>(i)]->served(); }
    void reset_counts() {
        for (auto& s : servers_)
            s->reset_count();
    }
    std::map<std::string, int> seen_by() {
        std::lock_guard lock(mutex_);
        return seen_by_;
    }

private:
    std::vector<std::string> addresses_;
    std::vector<std::unique_ptr<echo_server>> servers_;
    std::mutex mutex_;
    std::map<std::string, int> seen_by_;
};

// Sends every body and waits for its reply, in batches that fit in the
// sockets' queues.
void request_all(int client, const std::vector<std::string>& bodies) {
    constexpr size_t batch = 200;
    for (size_t start = 0; start < bodies.size(); start += batch) {
        const size_t end = std::min(bodies.size(), start + batch);
        for (size_t i = start; i < end; ++i)
            ASSERT_EQ(sp_send(client, xt::ubuf_of(bodies[i])), 0) << strerror(errno);
        for (size_t i = start; i < end; ++i) {
            char* reply = nullptr;
            ASSERT_EQ(sp_recv(client, &reply), 0) << strerror(errno);
            ufree(reply);
        }
    }
}

std::vector<std::string> numbered(const std::string& stem, int count) {
    std::vector<std::string> bodies;
    for (int i = 0; i < count; ++i)
        bodies.push_back(stem + std::to_string(i));
    return bodies;
}

TEST(XioLoadBalancing, WeightsOneToThreeGiveAQuarterAndThreeQuarters) {
    recording_servers servers(2);
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    const int light = servers.connect(client, 0);
    const int heavy = servers.connect(client, 1);
    rrbin_attr weight{light, 1};
    ASSERT_EQ(sp_setopt(client, SP_REQ_RRBIN_WEIGHT, &weight, sizeof weight), 0) << strerror(errno);
    weight = {heavy, 3};
    ASSERT_EQ(sp_setopt(client, SP_REQ_RRBIN_WEIGHT, &weight, sizeof weight), 0);
    rrbin_attr back{heavy, 0};
    int size = sizeof back;
    ASSERT_EQ(sp_getopt(client, SP_REQ_RRBIN_WEIGHT, &back, &size), 0);
    EXPECT_EQ(back.weight, 3);

    constexpr int total = 10000;
    request_all(client, numbered("r", total));
    EXPECT_NEAR(servers.served(0) / double(total), 0.25, 0.05);
    EXPECT_NEAR(servers.served(1) / double(total), 0.75, 0.05);
    EXPECT_EQ(servers.served(0) + servers.served(1), total);
    sp_close(client);
}

// The user hash: the first byte of the ubuf. Modulo three servers, bodies
// starting with the same byte, or with bytes three apart, share a server.
uint32_t first_byte(char* ubuf) { return usize(ubuf) > 0 ? static_cast<unsigned char>(ubuf[0]) : 0; }

TEST(XioLoadBalancing, UserHashIsDeterministic) {
    recording_servers servers(3);
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    for (int i = 0; i < 3; ++i)
        ASSERT_GE(servers.connect(client, i), 0);
    ulhash_attr attr{SP_REQ_ULHASH, first_byte};
    ASSERT_EQ(sp_setopt(client, SP_REQ_LBS, &attr, sizeof attr), 0) << strerror(errno);
    int lbs = -1, size = sizeof lbs;
    ASSERT_EQ(sp_getopt(client, SP_REQ_LBS, &lbs, &size), 0);
    EXPECT_EQ(lbs, SP_REQ_ULHASH);

    std::vector<std::string> bodies;
    for (char first = 'a'; first <= 'i'; ++first)
        for (int i = 0; i < 5; ++i)
            bodies.push_back(first + std::to_string(i));
    request_all(client, bodies);
    auto seen = servers.seen_by();
    std::map<int, std::set<int>> servers_by_residue;
    for (const auto& body : bodies)
        servers_by_residue[static_cast<unsigned char>(body[0]) % 3].insert(seen.at(body));
    ASSERT_EQ(servers_by_residue.size(), 3u);
    std::set<int> used;
    for (const auto& [residue, on] : servers_by_residue) {
        EXPECT_EQ(on.size(), 1u) << "bodies hashing alike went to different servers";
        used.insert(*on.begin());
    }
    EXPECT_EQ(used.size(), 3u);
    sp_close(client);
}

TEST(XioLoadBalancing, BodyHashWithoutAFunctionIsDeterministic) {
    recording_servers servers(3);
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    for (int i = 0; i < 3; ++i)
        servers.connect(client, i);
    const int strategy = SP_REQ_ULHASH;
    ASSERT_EQ(sp_setopt(client, SP_REQ_LBS, const_cast<int*>(&strategy), sizeof strategy), 0);
    const auto bodies = numbered("key", 60);
    request_all(client, bodies);
    const auto first = servers.seen_by();
    request_all(client, bodies);
    EXPECT_EQ(servers.seen_by(), first);
    sp_close(client);
}

TEST(XioLoadBalancing, ConsistentHashMovesAboutOneNthOfTheKeys) {
    constexpr int n = 5;
    recording_servers servers(n - 1);
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    std::vector<int> fds;
    for (int i = 0; i < n - 1; ++i)
        fds.push_back(servers.connect(client, i));
    const int strategy = SP_REQ_CONSISTENT_HASH;
    ASSERT_EQ(sp_setopt(client, SP_REQ_LBS, const_cast<int*>(&strategy), sizeof strategy), 0);
    const auto keys = numbered("user-", 1000);
    request_all(client, keys);
    const auto before = servers.seen_by();

    // A server joins (inproc connects at once): it takes about 1/n of the
    // keys, each from the server that had it.
    const int newcomer = servers.add();
    fds.push_back(servers.connect(client, newcomer));
    request_all(client, keys);
    const auto joined = servers.seen_by();
    int moved = 0;
    for (const auto& key : keys) {
        if (joined.at(key) != before.at(key)) {
            ++moved;
            EXPECT_EQ(joined.at(key), newcomer) << key << " moved between servers that stayed";
        }
    }
    EXPECT_GT(moved, static_cast<int>(keys.size()) / n / 2);
    EXPECT_LT(moved, static_cast<int>(keys.size()) * 3 / n / 2);

    // A server leaves: only its keys move.
    ASSERT_EQ(sp_rm(client, fds[1]), 0);
    request_all(client, keys);
    const auto left = servers.seen_by();
    for (const auto& key : keys) {
        if (joined.at(key) != 1) {
            EXPECT_EQ(left.at(key), joined.at(key)) << key << " moved though its server stayed";
        } else {
            EXPECT_NE(left.at(key), 1);
        }
    }
    sp_close(client);
}

TEST(XioLoadBalancing, BadStrategiesAndWeightsAreRefused) {
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    const int fd = sp_connect(client, "inproc://lb-refusals");
    int bad = 7;
    XT_EXPECT_ERRNO(sp_setopt(client, SP_REQ_LBS, &bad, sizeof bad), EINVAL);
    ulhash_attr no_function{SP_REQ_ULHASH, nullptr};
    XT_EXPECT_ERRNO(sp_setopt(client, SP_REQ_LBS, &no_function, sizeof no_function), EINVAL);
    XT_EXPECT_ERRNO(sp_setopt(client, SP_REQ_LBS, &bad, 2), EINVAL);
    rrbin_attr zero{fd, 0};
    XT_EXPECT_ERRNO(sp_setopt(client, SP_REQ_RRBIN_WEIGHT, &zero, sizeof zero), EINVAL);
    rrbin_attr stranger{fd + 100, 2};
    XT_EXPECT_ERRNO(sp_setopt(client, SP_REQ_RRBIN_WEIGHT, &stranger, sizeof stranger), ENOENT);
    sp_close(client);
}

} // namespace
