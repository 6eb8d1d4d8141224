#include "xio/sp_endpoint.hpp"

#include "base/error.hpp"
#include "xio/handle_table.hpp"
#include "xio/id_table.hpp"
#include "xio/sp_proxy.hpp"

#include <xio/sp.h>

#include <zmq.h>

namespace zmx::xio {

endpoint::endpoint(int family, int type, void* socket) : family_(family), type_(type), guard_(socket) {}

endpoint::~endpoint() = default;

int endpoint::add(int fd) {
    auto h = find_handle(fd);
    if (!h)
        return -1;
    const address* a = h->endpoint_address();
    if (!a)
        return fail(EINVAL);  // an accepted connection belongs to its listener
    if (h->give_to_endpoint() < 0)
        return -1;
    std::unique_lock lock(guard_.mutex());
    member m{h, a->endpoint, h->socktype() == XLISTENER};
    if (guard_.is_shut() || attach(m) < 0) {
        const int error = guard_.is_shut() ? EBADF : errno;
        h->return_from_endpoint();
        return fail(error);
    }
    h->note("added to an endpoint through " + m.zmq_endpoint);
    members_.emplace(fd, std::move(m));
    guard_.touched();
    return 0;
}

int endpoint::attach(member& m) {
    void* s = guard_.socket();
    const handle_options o = m.h->options();
    apply_transport_options(s, o);
    zmq_setsockopt(s, ZMQ_LINGER, &o.linger, sizeof o.linger);
    if (!m.bound)
        return zmq_connect(s, m.zmq_endpoint.c_str());
    if (zmq_bind(s, m.zmq_endpoint.c_str()) < 0)
        return -1;
    // What its connections will be named by (tcp://*:n binds 0.0.0.0:n).
    char bound[256];
    size_t size = sizeof bound;
    if (zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, bound, &size) == 0)
        m.zmq_endpoint = bound;
    return 0;
}

int endpoint::remove(int fd) {
    std::unique_lock lock(guard_.mutex());
    auto it = members_.find(fd);
    if (it == members_.end())
        return fail(find_handle(fd) ? ENOENT : EBADF);
    member m = std::move(it->second);
    members_.erase(it);
    void* s = guard_.socket();
    if (m.bound) {
        zmq_unbind(s, m.zmq_endpoint.c_str());
    } else {
        // zmq disconnects every connection made to that address: the other
        // handles to it connect again.
        zmq_disconnect(s, m.zmq_endpoint.c_str());
        for (auto& [other_fd, other] : members_)
            if (!other.bound && other.zmq_endpoint == m.zmq_endpoint)
                zmq_connect(s, other.zmq_endpoint.c_str());
    }
    guard_.touched();
    lock.unlock();
    m.h->note("removed from its endpoint");
    handle_table().remove(fd);
    m.h->close();
    return 0;
}

int endpoint::send(ubuf* u) {
    std::unique_lock lock(guard_.mutex());
    if (guard_.is_shut())
        return fail(EBADF);
    if (proxy_)
        return fail(EBUSY);
    return send_ubuf(lock, u);
}

int endpoint::recv(char** out) {
    std::unique_lock lock(guard_.mutex());
    if (guard_.is_shut())
        return fail(EBADF);
    if (proxy_)
        return fail(EBUSY);
    return recv_ubuf(lock, out);
}

int* endpoint::timeout_option(int opt) {
    if (opt == SP_SNDTIMEO)
        return &send_timeout_;
    return opt == SP_RCVTIMEO ? &recv_timeout_ : nullptr;
}

int endpoint::setopt(int opt, const void* value, int size) {
    if (!value)
        return fail(EINVAL);
    if (int* timeout = timeout_option(opt)) {
        if (size != static_cast<int>(sizeof(int)))
            return fail(EINVAL);
        std::lock_guard lock(guard_.mutex());
        *timeout = *static_cast<const int*>(value);
        return 0;
    }
    return set_type_option(opt, value, size);
}

int endpoint::getopt(int opt, void* value, int* size) {
    if (!value || !size)
        return fail(EINVAL);
    if (int* timeout = timeout_option(opt)) {
        if (*size < static_cast<int>(sizeof(int)))
            return fail(EINVAL);
        std::lock_guard lock(guard_.mutex());
        *static_cast<int*>(value) = *timeout;
        *size = sizeof(int);
        return 0;
    }
    return get_type_option(opt, value, size);
}

int endpoint::set_type_option(int, const void*, int) { return fail(EINVAL); }
int endpoint::get_type_option(int, void*, int*) { return fail(EINVAL); }

const std::string* endpoint::member_endpoint(int fd) const {
    auto it = members_.find(fd);
    return it == members_.end() ? nullptr : &it->second.zmq_endpoint;
}

void endpoint::close() {
    std::shared_ptr<proxy> p;
    std::map<int, member> members;
    {
        std::lock_guard lock(guard_.mutex());
        guard_.shut();
        p = proxy_;
        members = std::move(members_);
        members_.clear();
    }
    if (p)
        p->stop();
    for (auto& [fd, m] : members) {
        handle_table().remove(fd);
        m.h->close();
    }
}

} // namespace zmx::xio
