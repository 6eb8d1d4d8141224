// The transports the thread-safe types are tested over: inproc, ipc and
// tcp, each bound to a fresh address.
#pragma once

#include "zmq_test.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <ostream>
#include <sstream>
#include <string>

namespace ts {

enum class transport { inproc, ipc, tcp };

inline void PrintTo(transport t, std::ostream* os) {
    *os << (t == transport::inproc ? "inproc" : t == transport::ipc ? "ipc" : "tcp");
}

inline std::string transport_name(const ::testing::TestParamInfo<transport>& info) {
    std::ostringstream out;
    PrintTo(info.param, &out);
    return out.str();
}

inline std::string last_endpoint(void* s) {
    char buffer[512] = {};
    size_t size = sizeof buffer;
    EXPECT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, buffer, &size), 0);
    return buffer;
}

// Binds s to a new address of the transport and returns it.
inline std::string bind_any(void* s, transport t) {
    static std::atomic<int> counter{0};
    std::string wanted = t == transport::tcp ? "tcp://127.0.0.1:*" : t == transport::ipc ? "ipc://*" : "";
    if (t == transport::inproc)
        wanted = "inproc://threadsafe-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    EXPECT_EQ(zmq_bind(s, wanted.c_str()), 0) << wanted << ": " << zmq_strerror(zmq_errno());
    return t == transport::inproc ? wanted : last_endpoint(s);
}

// A udp port on loopback that is free now, for a udp bind: the reference
// libzmq reports "udp://127.0.0.1:*" as its LAST_ENDPOINT, not the port
// it got, so tests that also run against it choose the port first.
inline std::string free_udp_endpoint() {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), size), 0);
    EXPECT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size), 0);
    ::close(fd);
    return "udp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
}

// A message with a routing id, for SERVER and PEER.
inline int send_to(void* s, uint32_t routing_id, const std::string& text, int flags = 0) {
    zmq_msg_t m;
    zmq_msg_init_size(&m, text.size());
    memcpy(zmq_msg_data(&m), text.data(), text.size());
    zmq_msg_set_routing_id(&m, routing_id);
    const int rc = zmq_msg_send(&m, s, flags);
    if (rc < 0)
        zmq_msg_close(&m);
    return rc;
}

struct received {
    std::string text;
    uint32_t routing_id = 0;
};

// The next message and the routing id it carries ("<errno text>" on failure).
inline received recv_with_id(void* s, int flags = 0) {
    zmq_msg_t m;
    zmq_msg_init(&m);
    received r;
    if (zmq_msg_recv(&m, s, flags) < 0) {
        r.text = std::string("<") + zmq_strerror(zmq_errno()) + ">";
    } else {
        r.text.assign(static_cast<const char*>(zmq_msg_data(&m)), zmq_msg_size(&m));
        r.routing_id = zmq_msg_routing_id(&m);
    }
    zmq_msg_close(&m);
    return r;
}

} // namespace ts
