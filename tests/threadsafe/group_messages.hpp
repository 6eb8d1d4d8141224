// Messages with groups, for the RADIO and DISH tests: send to a group,
// receive with the group, and wait for joins to reach a RADIO.
#pragma once

#include "zmq_test.hpp"

#include <cstring>
#include <string>
#include <vector>

namespace gm {

struct received {
    std::string group;
    std::string body;
};

inline int send_to_group(void* radio, const std::string& group, const std::string& body, int flags = 0) {
    zmq_msg_t m;
    zmq_msg_init_size(&m, body.size());
    memcpy(zmq_msg_data(&m), body.data(), body.size());
    EXPECT_EQ(zmq_msg_set_group(&m, group.c_str()), 0);
    const int rc = zmq_msg_send(&m, radio, flags);
    if (rc < 0)
        zmq_msg_close(&m);
    return rc;
}

inline received recv_from_group(void* dish, int flags = 0) {
    zmq_msg_t m;
    zmq_msg_init(&m);
    received r;
    if (zmq_msg_recv(&m, dish, flags) < 0) {
        r.body = std::string("<") + zmq_strerror(zmq_errno()) + ">";
    } else {
        r.group = zmq_msg_group(&m);
        r.body.assign(static_cast<const char*>(zmq_msg_data(&m)), zmq_msg_size(&m));
    }
    zmq_msg_close(&m);
    return r;
}

// Joins travel to a RADIO asynchronously: sends `probe` to `group` until
// the DISH receives it. From then on the RADIO knows every join the DISH
// made before.
inline bool send_until_received(void* radio, void* dish, const std::string& group, const std::string& probe = "probe") {
    constexpr int retry_ms = 10;
    for (int waited = 0; waited < zt::safety_timeout_ms; waited += retry_ms) {
        if (send_to_group(radio, group, probe) < 0)
            return false;
        if (zt::wait_readable(dish, retry_ms)) {
            const received r = recv_from_group(dish);
            return r.group == group && r.body == probe;
        }
    }
    return false;
}

// Receives what is queued now, past the probes send_until_received left.
inline std::vector<std::string> bodies_until(void* dish, const std::string& last) {
    std::vector<std::string> bodies;
    for (received r = recv_from_group(dish); r.body.empty() || r.body[0] != '<'; r = recv_from_group(dish)) {
        if (r.body == "probe")
            continue;
        bodies.push_back(r.group + ":" + r.body);
        if (r.body == last)
            break;
    }
    return bodies;
}

} // namespace gm
