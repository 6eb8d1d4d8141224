#include "xio/rep_endpoint.hpp"

#include "base/error.hpp"
#include "xio/sp_proxy.hpp"
#include "xio/runtime.hpp"
#include "xio/ubuf.hpp"

#include <xio/sp_reqrep.h>

#include <zmq.h>

namespace zmx::xio {

std::shared_ptr<endpoint> rep_endpoint::make() {
    void* s = new_zmq_socket(ZMQ_ROUTER, 1000);
    if (!s)
        return nullptr;
    const int on = 1;
    zmq_setsockopt(s, ZMQ_ROUTER_MANDATORY, &on, sizeof on);
    return std::shared_ptr<endpoint>(new rep_endpoint(s));
}

rep_endpoint::rep_endpoint(void* socket) : endpoint(SP_REQREP, SP_REP, socket) {}

int rep_endpoint::take_request(envelope& out) {
    message m;
    while (recv_message(guard().socket(), m) == 0) {
        // No delimiter, or an envelope no reply could follow: dropped.
        if (!open_envelope(m, out) || out.back.frames.size() > max_route_frames)
            continue;
        out.back.hops = hops_of(out.back.frames);
        return 0;
    }
    return -1;
}

int rep_endpoint::put_reply(message& frames) {
    if (send_copies(guard().socket(), frames) < 0)
        return -1;
    frames.clear();
    return 0;
}

int rep_endpoint::send_ubuf(std::unique_lock<std::mutex>& lock, ubuf* u) {
    envelope e = from_ubuf(u);
    if (e.back.frames.empty())
        return fail(EHOSTUNREACH);  // not a request this endpoint received
    message frames = seal_envelope(e);
    return send_with(lock, u, [&] { return put_reply(frames); });
}

int rep_endpoint::recv_ubuf(std::unique_lock<std::mutex>& lock, char** out) {
    return recv_with(lock, out, [this](envelope& e) { return take_request(e); });
}

int rep_endpoint::set_type_option(int opt, const void* value, int size) {
    if (opt == SP_PROXY)
        return proxy::join_option(*this, value, size);
    return fail(EINVAL);
}

} // namespace zmx::xio
