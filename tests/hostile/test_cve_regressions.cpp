// The input classes behind libzmq's published CVEs, sent to zmx:
//   CVE-2019-6250   a frame length so large that offset + length wraps;
//   CVE-2021-20236  a 1 MB subscription, then its unsubscription (libzmq's
//                   trie recursed once per byte and overflowed the stack);
//   CVE-2021-20237  messages with metadata sent to a PUB (libzmq leaked them);
//   CVE-2021-20234  a multipart message left unfinished on a closing pipe
//                   (libzmq leaked it).
// Leaks are judged by ASan's leak checker in the sanitizer pass and by the
// heap gauge everywhere. (CVE-2021-20235, ZMTP 1.0/2.0 frames over 8 KiB,
// is tested with the legacy framing.)
#include "attacked_router.hpp"
#include "heap_gauge.hpp"
#include "raw_peer.hpp"
#include "small_stack.hpp"
#include "zmtp_bytes.hpp"

#include <cstdint>
#include <string>

namespace {

using tt::raw_peer;

std::string bound_endpoint(void* s) {
    char endpoint[256] = {};
    size_t size = sizeof endpoint;
    EXPECT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
    return endpoint;
}

// --- CVE-2019-6250 --------------------------------------------------------

TEST(Cve2019_6250, LengthsThatWouldWrapABufferOffsetEndTheConnection) {
    for (const uint64_t claimed : {~uint64_t{0}, ~uint64_t{0} - 15, ~uint64_t{0} - 65535, uint64_t{1} << 63}) {
        ht::attacked_router server;
        raw_peer client(server.endpoint());
        ASSERT_TRUE(ht::complete_handshake(client, "DEALER"));
        client.send_unless_closed(ht::long_frame_header(0, claimed) + std::string(64, 'w'));
        EXPECT_TRUE(client.closed_by_peer()) << "a frame claiming " << claimed << " bytes was taken";
        EXPECT_TRUE(server.serves_good_peer("after the attack"));
    }
}

TEST(Cve2019_6250, TheLargestLegalLengthOverMaxMsgSizeEndsTheConnection) {
    ht::attacked_router server({.maxmsgsize = 1000});
    raw_peer client(server.endpoint());
    ASSERT_TRUE(ht::complete_handshake(client, "DEALER"));
    client.send_unless_closed(ht::long_frame_header(0, (uint64_t{1} << 63) - 1) + std::string(64, 'w'));
    EXPECT_TRUE(client.closed_by_peer());
    EXPECT_TRUE(server.serves_good_peer("after the attack"));
}

// --- CVE-2021-20236 -------------------------------------------------------

// libzmq 4.3.4 fails this: its SUB recurses once per byte when the topic
// is unsubscribed and overflows even an 8 MB stack.
TEST(Cve2021_20236, ZmxOnlyAMegabyteSubscriptionAndItsUnsubscriptionCostNoStack) {
    // Anything that recursed once per byte of the topic would overflow this.
    constexpr size_t small_stack = 256 * ht::kib;
    ht::run_on_small_stack(small_stack, [] {
        zt::context ctx;
        zt::socket xpub(ctx, ZMQ_XPUB);
        zt::bind(xpub, "tcp://127.0.0.1:*");
        zt::socket sub(ctx, ZMQ_SUB);
        zt::connect(sub, bound_endpoint(xpub).c_str());
        // Varied bytes, so that no structure can fold the topic into a run.
        std::string topic(ht::mib, '\0');
        for (size_t i = 0; i < topic.size(); ++i)
            topic[i] = static_cast<char>('a' + i % 26);

        zt::set_bytes(sub, ZMQ_SUBSCRIBE, topic);
        EXPECT_EQ(zt::recv_str(xpub), zt::subscription(topic));
        EXPECT_TRUE(zt::publish_until_received(xpub, sub, topic + " and more"));

        zt::set_bytes(sub, ZMQ_SUBSCRIBE, "marker");
        EXPECT_EQ(zt::recv_str(xpub), zt::subscription("marker"));
        zt::set_bytes(sub, ZMQ_UNSUBSCRIBE, topic);
        EXPECT_EQ(zt::recv_str(xpub), zt::unsubscription(topic));
        // Gone from both sides: of the two, only the marker arrives.
        zt::send_str(xpub, topic + " once more");
        zt::send_str(xpub, "marker");
        EXPECT_EQ(zt::recv_str(sub), "marker");
    });
}

// --- CVE-2021-20237 -------------------------------------------------------

TEST(Cve2021_20237, MessagesWithMetadataSentToAPubAreFreed) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::bind(pub, "tcp://127.0.0.1:*");
    raw_peer client(bound_endpoint(pub));
    ASSERT_TRUE(client.send_unless_closed(raw_peer::greeting("NULL")));
    ASSERT_EQ(client.receive(64).size(), 64u);
    ASSERT_TRUE(client.send_unless_closed(ht::ready_with_property("SUB", "X-Tag", "attached to every message")));
    // PUB publishes `topic` to the client once it has read the client's
    // subscription to it, and so everything the client sent before.
    const auto subscription_taken = [&](const std::string& topic) {
        if (!client.send_unless_closed(raw_peer::message('\x01' + topic)))
            return false;
        for (int tries = 0; tries < zt::safety_timeout_ms / 10; ++tries) {
            zt::send_str(pub, topic);
            if (client.receive_available(10).find(topic) != std::string::npos)
                return true;
        }
        return false;
    };
    ASSERT_TRUE(subscription_taken("before"));
    const size_t heap_before = ht::heap_in_use();

    // What a PUB drops: data messages, single and multipart; and
    // subscriptions it keeps until they are cancelled. All carry metadata.
    // (The attack's bytes are freed before the heap is measured again.)
    constexpr int rounds = 2000;
    const auto attack = [] {
        std::string bytes;
        for (int i = 0; i < rounds; ++i) {
            bytes += raw_peer::message(std::string(200, 'j'));
            bytes += ht::first_part("head") + raw_peer::message("tail");
            const std::string topic = "topic-" + std::to_string(i);
            bytes += raw_peer::message('\x01' + topic) + raw_peer::message('\0' + topic);
        }
        return bytes;
    };
    ASSERT_TRUE(client.send_unless_closed(attack()));
    ASSERT_TRUE(subscription_taken("after"));
    EXPECT_LT(ht::heap_growth_since(heap_before), static_cast<int64_t>(256 * ht::kib))
        << "the messages a PUB dropped were not freed";
}

// --- CVE-2021-20234 -------------------------------------------------------

// A PULL bound to tcp, and a well-behaved PUSH that will connect to it.
struct pull_server {
    pull_server() {
        zt::bind(pull, "tcp://127.0.0.1:*");
        endpoint = bound_endpoint(pull);
    }
    zt::context ctx;
    zt::socket pull{ctx, ZMQ_PULL};
    std::string endpoint;
};

TEST(Cve2021_20234, AMultipartMessageCutOffByAHangUpIsDroppedWhole) {
    pull_server server;
    {
        raw_peer client(server.endpoint);
        ASSERT_TRUE(ht::complete_handshake(client, "PUSH"));
        ASSERT_TRUE(client.send_unless_closed(ht::first_part("first") + ht::first_part("second")));
    }
    zt::socket push(server.ctx, ZMQ_PUSH);
    zt::connect(push, server.endpoint.c_str());
    zt::send_str(push, "whole");
    EXPECT_EQ(zt::recv_multipart(server.pull), std::vector<std::string>{"whole"});
}

TEST(Cve2021_20234, ARouterDropsAMultipartMessageCutOffByAHangUp) {
    ht::attacked_router server;
    {
        raw_peer client(server.endpoint());
        ASSERT_TRUE(ht::complete_handshake(client, "DEALER"));
        ASSERT_TRUE(client.send_unless_closed(ht::first_part("first") + ht::first_part("second")));
    }
    EXPECT_TRUE(server.saw_disconnect());
    EXPECT_TRUE(server.serves_good_peer("only whole messages"));
}

TEST(Cve2021_20234, ASenderClosedInsideAMultipartMessageDeliversNoPartOfIt) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://unfinished");
    {
        zt::socket push(ctx, ZMQ_PUSH);
        zt::connect(push, "inproc://unfinished");
        zt::send_str(push, "complete");
        zt::send_str(push, "first", ZMQ_SNDMORE);
    }
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, "inproc://unfinished");
    zt::send_str(push, "next");
    EXPECT_EQ(zt::recv_multipart(pull), std::vector<std::string>{"complete"});
    EXPECT_EQ(zt::recv_multipart(pull), std::vector<std::string>{"next"});
}

TEST(Cve2021_20234, ASocketClosedWithUnreadAndUnfinishedMessagesFreesThem) {
    constexpr int messages = 1000;
    constexpr size_t body_size = 200;
    const size_t heap_before = ht::heap_in_use();
    {
        pull_server server;
        zt::set_int(server.pull, ZMQ_RCVHWM, messages / 2);
        raw_peer client(server.endpoint);
        ASSERT_TRUE(ht::complete_handshake(client, "PUSH"));
        // More than the pipe takes, so the engine holds a frame back; the
        // last message is unfinished.
        std::string flood;
        for (int i = 0; i < messages; ++i)
            flood += ht::first_part("part") + raw_peer::message(std::string(body_size, 'u'));
        ASSERT_TRUE(client.send_unless_closed(flood + ht::first_part("never finished")));
        flood = std::string();
        // The pipe is full (half the messages) before the socket closes.
        EXPECT_TRUE(ht::heap_grows_by(heap_before, messages / 2 * body_size));
    }
    EXPECT_LT(ht::heap_growth_since(heap_before), static_cast<int64_t>(64 * ht::kib));
}

}  // namespace
