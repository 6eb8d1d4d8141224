#include "xio/plain_endpoint.hpp"

#include "base/error.hpp"
#include "xio/runtime.hpp"

#include <xio/sp_bus.h>
#include <xio/sp_pubsub.h>

#include <zmq.h>
#include <zmx.h>

namespace zmx::xio {

namespace {

void* bus_socket() {
    void* s = new_zmq_socket(ZMQ_DEALER, 1000);
    if (!s)
        return nullptr;
    const int on = 1;
    const int everyone = ZMX_LB_BROADCAST;
    zmq_setsockopt(s, ZMQ_IMMEDIATE, &on, sizeof on);
    zmq_setsockopt(s, ZMX_LB_POLICY, &everyone, sizeof everyone);
    return s;
}

void* sub_socket() {
    void* s = new_zmq_socket(ZMQ_SUB, 1000);
    if (s)
        zmq_setsockopt(s, ZMQ_SUBSCRIBE, "", 0);
    return s;
}

} // namespace

std::shared_ptr<endpoint> plain_endpoint::make(int family, int type) {
    void* s = nullptr;
    if (family == SP_PUBSUB && type == SP_PUB)
        s = new_zmq_socket(ZMQ_PUB, 1000);
    else if (family == SP_PUBSUB && type == SP_SUB)
        s = sub_socket();
    else if (family == SP_BUS && type == SP_BUS)
        s = bus_socket();
    else
        errno = EINVAL;
    return s ? std::shared_ptr<endpoint>(new plain_endpoint(family, type, s)) : nullptr;
}

plain_endpoint::plain_endpoint(int family, int type, void* socket)
    : endpoint(family, type, socket),
      sends_(family == SP_BUS || type == SP_PUB),  // SP_SUB and SP_BUS share a number
      receives_(family == SP_BUS || type == SP_SUB) {}

int plain_endpoint::send_ubuf(std::unique_lock<std::mutex>& lock, ubuf* u) {
    if (!sends_)
        return fail(ENOTSUP);
    if (family() == SP_BUS && !has_members())
        return fail(ENOTCONN);  // a bus send waits for a member: there would be none
    message body;
    body.emplace_back(u->bytes());
    return send_with(lock, u, [&] { return send_copies(guard().socket(), body); });
}

int plain_endpoint::recv_ubuf(std::unique_lock<std::mutex>& lock, char** out) {
    if (!receives_)
        return fail(ENOTSUP);
    return recv_with(lock, out, [this](envelope& e) { return recv_message(guard().socket(), e.body); });
}

} // namespace zmx::xio
