// An sp endpoint: one zmq socket of the type its family and type map to,
// and the handles added to it (a connector makes the socket connect, a
// listener makes it bind). Types derive from it (req_endpoint, ...).
//
// Threading: any thread. Every use of the socket, and the member list, is
// under the guard's lock; blocking calls wait through the guard.
#pragma once

#include "xio/handle.hpp"
#include "xio/route.hpp"
#include "xio/socket_guard.hpp"
#include "xio/ubuf.hpp"

#include <map>
#include <memory>
#include <string>

namespace zmx::xio {

class proxy;

class endpoint : public std::enable_shared_from_this<endpoint> {
public:
    // sp_endpoint: the endpoint of the family and type, or null with EINVAL
    // (no such pair) or the errno making its socket gave.
    static std::shared_ptr<endpoint> create(int family, int type);
    virtual ~endpoint();
    endpoint(const endpoint&) = delete;
    endpoint& operator=(const endpoint&) = delete;

    int family() const { return family_; }
    int type() const { return type_; }
    socket_guard& guard() { return guard_; }

    // sp_add, sp_rm: 0, or -1 with errno.
    int add(int fd);
    int remove(int fd);
    // sp_send (takes u on success), sp_recv: 0, or -1 with errno. EBUSY
    // while the endpoint is part of a proxy.
    int send(ubuf* u);
    int recv(char** out);
    // sp_setopt, sp_getopt: 0, or -1 with errno (EINVAL: unknown option).
    int setopt(int opt, const void* value, int size);
    int getopt(int opt, void* value, int* size);
    // sp_close: closes its handles and its socket; waiting calls end (EBADF).
    void close();

    // Lock held: the proxy this endpoint is part of, or null.
    std::shared_ptr<proxy>& proxy_of() { return proxy_; }

protected:
    endpoint(int family, int type, void* socket);

    // What each type does (lock held unless said otherwise).
    virtual int send_ubuf(std::unique_lock<std::mutex>& lock, ubuf* u) = 0;
    virtual int recv_ubuf(std::unique_lock<std::mutex>& lock, char** out) = 0;
    virtual int set_type_option(int opt, const void* value, int size);
    virtual int get_type_option(int opt, void* value, int* size);
    // sp_recv's wait: take(e) (0, or -1 with errno, EAGAIN when nothing came
    // yet) is tried until it gives an envelope, handed out as a new ubuf.
    template <typename Take>
    int recv_with(std::unique_lock<std::mutex>& lock, char** out, Take take);
    // sp_send's wait: put() (0, or -1 with errno, EAGAIN when there is no
    // room yet) is tried until it sends; then u is freed.
    template <typename Put>
    int send_with(std::unique_lock<std::mutex>& lock, ubuf* u, Put put);
    int send_timeout() const { return send_timeout_; }
    int recv_timeout() const { return recv_timeout_; }
    // The zmq endpoint a member handle joined through.
    const std::string* member_endpoint(int fd) const;
    bool has_members() const { return !members_.empty(); }

private:
    // SP_SNDTIMEO's or SP_RCVTIMEO's field, or null.
    int* timeout_option(int opt);

    struct member {
        std::shared_ptr<handle> h;
        std::string zmq_endpoint;  // what zmq calls it (LAST_ENDPOINT for a bind)
        bool bound;
    };
    int attach(member& m);

    const int family_;
    const int type_;
    int send_timeout_ = -1;  // SP_SNDTIMEO, SP_RCVTIMEO (lock held)
    int recv_timeout_ = -1;
    socket_guard guard_;
    std::map<int, member> members_;  // by fd
    std::shared_ptr<proxy> proxy_;
};

template <typename Take>
int endpoint::recv_with(std::unique_lock<std::mutex>& lock, char** out, Take take) {
    return guard_.run(lock, recv_timeout_, [&] {
        envelope e;
        if (take(e) < 0)
            return errno == EAGAIN ? socket_guard::again : -1;
        ubuf* u = to_ubuf(e);
        if (!u)
            return -1;
        *out = u->data();
        return 0;
    });
}

template <typename Put>
int endpoint::send_with(std::unique_lock<std::mutex>& lock, ubuf* u, Put put) {
    const int rc = guard_.run(lock, send_timeout_, [&] {
        if (put() == 0)
            return 0;
        return errno == EAGAIN ? socket_guard::again : -1;
    });
    if (rc == 0)
        ubuf_free(u);
    return rc;
}

// The endpoints sp_endpoint hands out, by number.
std::shared_ptr<endpoint> find_endpoint(int eid);  // null with EBADF

} // namespace zmx::xio
