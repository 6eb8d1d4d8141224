#include "xio/sp_proxy.hpp"

#include "base/error.hpp"
#include "xio/rep_endpoint.hpp"
#include "xio/req_endpoint.hpp"

#include <xio/sp_reqrep.h>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace zmx::xio {

int proxy::join_option(endpoint& self, const void* value, int size) {
    if (size != static_cast<int>(sizeof(int)))
        return fail(EINVAL);
    auto other = find_endpoint(*static_cast<const int*>(value));
    if (!other)
        return -1;
    auto me = self.shared_from_this();
    auto req = std::dynamic_pointer_cast<req_endpoint>(self.type() == SP_REQ ? me : other);
    auto rep = std::dynamic_pointer_cast<rep_endpoint>(self.type() == SP_REQ ? other : me);
    if (!req || !rep)
        return fail(EINVAL);
    std::shared_ptr<proxy> p(new proxy(req, rep));
    {
        // Locked in address order: two SP_PROXY calls at once cannot deadlock.
        endpoint* first = std::min<endpoint*>(req.get(), rep.get());
        endpoint* second = std::max<endpoint*>(req.get(), rep.get());
        std::scoped_lock lock(first->guard().mutex(), second->guard().mutex());
        if (req->proxy_of() || rep->proxy_of() || req->guard().is_shut() || rep->guard().is_shut())
            return fail(EINVAL);
        req->proxy_of() = p;
        rep->proxy_of() = p;
    }
    p->thread_ = std::thread([raw = p.get()] { raw->run(); });
    return 0;
}

proxy::proxy(std::shared_ptr<req_endpoint> req, std::shared_ptr<rep_endpoint> rep)
    : req_(std::move(req)), rep_(std::move(rep)), wake_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

// The endpoints let go of a proxy only in stop(), which ends its thread.
proxy::~proxy() { ::close(wake_fd_); }

void proxy::stop() {
    std::call_once(stopped_, [this] {
        stopping_ = true;
        signal_eventfd(wake_fd_);
        if (thread_.joinable())
            thread_.join();
        for (endpoint* e : {static_cast<endpoint*>(req_.get()), static_cast<endpoint*>(rep_.get())}) {
            std::lock_guard lock(e->guard().mutex());
            e->proxy_of().reset();
        }
    });
}

bool proxy::move_replies() {
    bool moved = false;
    {
        std::lock_guard lock(req_->guard().mutex());
        req_->pump();
        envelope e;
        while (replies_.size() < hold_limit && req_->take_reply(e) == 0) {
            replies_.push_back(seal_envelope(e));
            moved = true;
        }
    }
    std::lock_guard lock(rep_->guard().mutex());
    while (!replies_.empty()) {
        // A reply whose client is gone (EHOSTUNREACH) is dropped.
        if (rep_->put_reply(replies_.front()) < 0 && errno == EAGAIN)
            break;
        replies_.pop_front();
        moved = true;
    }
    return moved;
}

bool proxy::move_requests() {
    size_t backlog;
    {
        std::lock_guard lock(req_->guard().mutex());
        backlog = req_->backlog();
    }
    {
        std::lock_guard lock(rep_->guard().mutex());
        envelope e;
        while (backlog + requests_.size() < hold_limit && rep_->take_request(e) == 0)
            requests_.push_back(std::move(e));
    }
    if (requests_.empty())
        return false;
    std::lock_guard lock(req_->guard().mutex());
    for (envelope& request : requests_)
        req_->submit(request, nullptr);  // one that looped too long (EINVAL) is dropped
    requests_.clear();
    req_->pump();
    return true;
}

void proxy::sleep() {
    pollfd fds[3] = {{wake_fd_, POLLIN, 0}, {req_->guard().socket_fd(), POLLIN, 0}, {rep_->guard().socket_fd(), POLLIN, 0}};
    ::poll(fds, 3, -1);
    drain_eventfd(wake_fd_);
}

void proxy::run() {
    for (endpoint* e : {static_cast<endpoint*>(req_.get()), static_cast<endpoint*>(rep_.get())}) {
        std::lock_guard lock(e->guard().mutex());
        e->guard().watch(wake_fd_);  // sp_add and sp_rm on them wake us
    }
    while (!stopping_) {
        const bool replied = move_replies();
        const bool requested = move_requests();
        if (!replied && !requested)
            sleep();
    }
    for (endpoint* e : {static_cast<endpoint*>(req_.get()), static_cast<endpoint*>(rep_.get())}) {
        std::lock_guard lock(e->guard().mutex());
        e->guard().unwatch(wake_fd_);
    }
}

} // namespace zmx::xio
