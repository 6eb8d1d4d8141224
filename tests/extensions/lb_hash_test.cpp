// ZMX_LB_USER_HASH and ZMX_LB_CONSISTENT_HASH: keys stay with their peer,
// a user hash decides, and a ring moves only about 1/n of the keys when a
// peer joins or leaves.
#include "lb_peers.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>

namespace {

using lbt::peers;

class ZmxLbHash : public ::testing::Test {
protected:
    zt::context ctx;
};

constexpr int key_count = 2000;

std::string key(int i) { return "key-" + std::to_string(i); }

// Sends every key once; which peer got each.
std::map<std::string, std::string> send_keys(void* s, peers& ps) {
    for (int i = 0; i < key_count; ++i)
        zt::send_str(s, key(i));
    return lbt::owners(ps.drain());
}

TEST_F(ZmxLbHash, UserHashKeepsEachKeyOnOnePeer) {
    peers ps(ctx, ZMQ_PULL, 4);
    void* s = lbt::sender(ctx, ZMQ_PUSH, ZMX_LB_USER_HASH);
    ps.connect_all(s);
    auto first = send_keys(s, ps);
    auto second = send_keys(s, ps);
    EXPECT_EQ(first, second);
    std::set<std::string> used;
    for (const auto& [k, owner] : first)
        used.insert(owner);
    EXPECT_EQ(used.size(), 4u);  // the default hash spreads them
    zmq_close(s);
}

// The hash is the key's first digit: key "3..." goes to the fourth peer
// that joined.
uint32_t first_digit(const void* key, size_t size, void* hint) {
    ++*static_cast<int*>(hint);
    return size > 0 ? static_cast<uint32_t>(static_cast<const char*>(key)[0] - '0') : 0;
}

// A sender of the type, connected to every peer, hashing with first_digit.
void* first_digit_sender(void* ctx, int type, peers& ps, int& calls) {
    void* s = lbt::sender(ctx, type, ZMX_LB_USER_HASH);
    if (type == ZMQ_REQ)
        zt::set_int(s, ZMQ_REQ_RELAXED, 1);  // requests without waiting for replies
    ps.connect_all(s);
    EXPECT_EQ(zmx_set_lb_hash(s, first_digit, &calls), 0);
    return s;
}

TEST_F(ZmxLbHash, UserHashFunctionDecides) {
    peers ps(ctx, ZMQ_PULL, 4);
    int calls = 0;
    void* s = first_digit_sender(ctx, ZMQ_PUSH, ps, calls);
    for (const char* body : {"0a", "1b", "2c", "3d", "5e"})
        zt::send_str(s, body);
    auto owner = lbt::owners(ps.drain());
    EXPECT_EQ(owner["0a"], "inproc://lb-peer-0");
    EXPECT_EQ(owner["1b"], "inproc://lb-peer-1");
    EXPECT_EQ(owner["2c"], "inproc://lb-peer-2");
    EXPECT_EQ(owner["3d"], "inproc://lb-peer-3");
    EXPECT_EQ(owner["5e"], "inproc://lb-peer-1");  // 5 mod 4
    EXPECT_EQ(calls, 5);
    zmq_close(s);
}

TEST_F(ZmxLbHash, KeyOptionOverridesTheFirstFrame) {
    peers ps(ctx, ZMQ_PULL, 4);
    int calls = 0;
    void* s = first_digit_sender(ctx, ZMQ_PUSH, ps, calls);
    zt::set_bytes(s, ZMX_LB_KEY, "2");
    zt::send_str(s, "0-but-keyed-2");
    zt::send_str(s, "0-unkeyed");  // the key was for one message only
    auto owner = lbt::owners(ps.drain());
    EXPECT_EQ(owner["0-but-keyed-2"], "inproc://lb-peer-2");
    EXPECT_EQ(owner["0-unkeyed"], "inproc://lb-peer-0");
    zmq_close(s);
}

TEST_F(ZmxLbHash, ReqHashesItsRequestNotItsDelimiter) {
    peers ps(ctx, ZMQ_ROUTER, 4);
    int calls = 0;
    void* s = first_digit_sender(ctx, ZMQ_REQ, ps, calls);
    zt::send_str(s, "3-request");
    zt::send_str(s, "1-request");
    auto owner = lbt::owners(ps.drain());
    EXPECT_EQ(owner["3-request"], "inproc://lb-peer-3");
    EXPECT_EQ(owner["1-request"], "inproc://lb-peer-1");
    zmq_close(s);
}

TEST_F(ZmxLbHash, ConsistentHashIsDeterministic) {
    peers ps(ctx, ZMQ_ROUTER, 5);
    void* s = lbt::sender(ctx, ZMQ_DEALER, ZMX_LB_CONSISTENT_HASH);
    ps.connect_all(s);
    EXPECT_EQ(send_keys(s, ps), send_keys(s, ps));
    zmq_close(s);
}

// Counts the keys whose owner changed, and checks where they went.
int moved_keys(const std::map<std::string, std::string>& before, const std::map<std::string, std::string>& after) {
    int moved = 0;
    for (const auto& [k, owner] : before)
        moved += after.at(k) != owner;
    return moved;
}

TEST_F(ZmxLbHash, ConsistentHashMovesAboutOneNthWhenAPeerJoins) {
    constexpr int n = 5;
    peers ps(ctx, ZMQ_ROUTER, n - 1);
    void* s = lbt::sender(ctx, ZMQ_DEALER, ZMX_LB_CONSISTENT_HASH);
    ps.connect_all(s);
    auto before = send_keys(s, ps);
    const std::string newcomer = ps.add();
    zt::connect(s, newcomer.c_str());
    auto after = send_keys(s, ps);
    for (const auto& [k, owner] : before) {
        if (after.at(k) != owner) {
            EXPECT_EQ(after.at(k), newcomer) << k << " moved between old peers";
        }
    }
    const double share = static_cast<double>(moved_keys(before, after)) / key_count;
    EXPECT_GT(share, 0.5 / n);
    EXPECT_LT(share, 1.5 / n);
    zmq_close(s);
}

TEST_F(ZmxLbHash, ConsistentHashMovesOnlyTheKeysOfAPeerThatLeaves) {
    constexpr int n = 5;
    peers ps(ctx, ZMQ_ROUTER, n);
    void* s = lbt::sender(ctx, ZMQ_DEALER, ZMX_LB_CONSISTENT_HASH);
    ps.connect_all(s);
    auto before = send_keys(s, ps);
    const std::string leaver = "inproc://lb-peer-2";
    ASSERT_EQ(zmq_disconnect(s, leaver.c_str()), 0);
    auto after = send_keys(s, ps);
    int moved = 0;
    for (const auto& [k, owner] : before) {
        if (owner == leaver) {
            EXPECT_NE(after.at(k), leaver);
        } else {
            EXPECT_EQ(after.at(k), owner) << k << " moved though its peer stayed";
        }
        moved += after.at(k) != owner;
    }
    const double share = static_cast<double>(moved) / key_count;
    EXPECT_GT(share, 0.5 / n);
    EXPECT_LT(share, 1.5 / n);
    zmq_close(s);
}

TEST_F(ZmxLbHash, AKeyWaitsForItsFullPeer) {
    peers ps(ctx, ZMQ_PULL, 2, 1);  // each pipe holds two messages
    void* s = lbt::sender(ctx, ZMQ_PUSH, ZMX_LB_CONSISTENT_HASH);
    zt::set_int(s, ZMQ_SNDHWM, 1);
    ps.connect_all(s);
    // The same key until its peer is full: then it waits, though the other
    // peer has room.
    EXPECT_EQ(zt::send_until_full(s, 50), 2);
    EXPECT_EQ(zmq_errno(), EAGAIN);
    auto got = ps.drain();
    EXPECT_EQ(got["inproc://lb-peer-0"].size() + got["inproc://lb-peer-1"].size(), 2u);
    EXPECT_TRUE(got["inproc://lb-peer-0"].empty() || got["inproc://lb-peer-1"].empty());
    zmq_close(s);
}

} // namespace
