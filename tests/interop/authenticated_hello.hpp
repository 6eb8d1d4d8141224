// What a libzmq DEALER in the "dealer-hello" role (libzmq_peer.py) and a zmx
// ROUTER say once a secured handshake let it in: its "hello" arrives with
// the User-Id the ZAP handler gave, the ROUTER answers "welcome", and the
// peer reports OK and ends. Shared by the PLAIN and CURVE interop tests.
#pragma once

#include "interop_fixture.hpp"
#include "received_message.hpp"

#include <string>

namespace interop {

inline void expect_hello_with_user_id(void* router, peer_process& peer, const std::string& user_id) {
    const std::string routing_id = zt::recv_str(router);
    {
        tt::received_message hello(router);
        ASSERT_TRUE(hello.ok());
        EXPECT_EQ(hello.text(), "hello");
        EXPECT_EQ(hello.property("User-Id"), user_id);
    }
    zt::send_multipart(router, {routing_id, "welcome"});
    EXPECT_EQ(peer.line(), "OK");
    EXPECT_EQ(peer.wait(), 0);
}

}  // namespace interop
