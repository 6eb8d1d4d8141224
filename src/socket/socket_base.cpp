#include "socket/socket_base.hpp"

#include "base/clock.hpp"
#include "base/error.hpp"
#include "socket/context.hpp"
#include "socket/monitor.hpp"
#include "socket/socket_types.hpp"

#include <zmq.h>

#include <algorithm>
#include <utility>

namespace zmx {

namespace {

// A thread-safe socket is woken through a condition variable, which any
// number of waiting threads can share, on every command; a classic one
// through an eventfd, which ZMQ_FD hands to event loops, when a wait
// registered with the mailbox (until ZMQ_FD is handed out).
std::shared_ptr<command_mailbox> mailbox_for(int type) {
    if (is_thread_safe_type(type))
        return std::make_shared<command_mailbox>(std::make_unique<condvar_signaler>(), wake_policy::every_command);
    return std::make_shared<command_mailbox>(std::make_unique<eventfd_signaler>(), wake_policy::registered_sleepers);
}

}  // namespace

socket_base::socket_base(context& ctx, int type)
    : ctx_(ctx),
      mailbox_(mailbox_for(type)),
      monitor_(std::make_shared<socket_monitor>(ctx)),
      counters_(*monitor_) {
    options_.type = type;
    options_.thread_safe = is_thread_safe_type(type);
    if (options_.thread_safe)
        shared_wake_ = static_cast<condvar_signaler*>(&mailbox_->sig());
}

socket_base::~socket_base() = default;

// ---------------------------------------------------------------- options

int socket_base::setsockopt(int option, const void* value, size_t size) {
    const auto lock = enter();
    if (const int error = refusal())
        return fail(error);
    bool known;
    if (options_.set(option, value, size, known) == 0) {
        // As libzmq, new HWMs reach the connections this socket has.
        if (option == ZMQ_SNDHWM || option == ZMQ_RCVHWM)
            for (auto& p : pipes_)
                p->apply_hwms(options_.sndhwm, options_.rcvhwm);
        return 0;
    }
    if (known)
        return -1;
    return xsetsockopt(option, value, size);
}

int socket_base::getsockopt(int option, void* value, size_t* size) {
    const auto lock = enter();
    if (const int error = refusal())
        return fail(error);
    if (!value || !size)
        return fail(EFAULT);
    switch (option) {
    case ZMQ_RCVMORE:
        return option_value::put_int_into_larger(value, size, rcvmore_);
    case ZMQ_FD:
        if (options_.thread_safe)
            return fail(EINVAL);  // as libzmq: it has no descriptor to poll
        mailbox_->wake_on_every_command();
        return option_value::put_int_into_larger(value, size, mailbox_->sig().fd());
    case ZMQ_EVENTS: {
        if (*size < sizeof(int))
            return fail(EINVAL);
        if (process_commands(0) < 0)
            return -1;
        return option_value::put_int_into_larger(value, size, events());
    }
    default:
        break;
    }
    bool known;
    if (options_.get(option, value, size, known) == 0)
        return 0;
    if (known)
        return -1;
    return xgetsockopt(option, value, size);
}

int socket_base::events() {
    int mask = 0;
    if (xhas_in())
        mask |= ZMQ_POLLIN;
    if (xhas_out())
        mask |= ZMQ_POLLOUT;
    reap_delimited();
    return mask;
}

// ---------------------------------------------------------------- pipes

void socket_base::attach_pipe(std::shared_ptr<pipe> p, const std::string& endpoint, bool locally_initiated) {
    p->set_endpoint(endpoint);
    p->attach(this);
    p->announce_routing_id(options_.routing_id);
    pipes_.push_back(p);
    ++counters_.peers_total;
    xattach_pipe(p.get(), locally_initiated);
    // A peer that left before we attached is seen now.
    if (p->peer_closed() && p->at_delimiter())
        remove_pipe(p.get());
}

void socket_base::pipe_delimited(pipe* p) { delimited_.push_back(p); }

void socket_base::close_raw_connection(pipe* p) {
    p->terminate(-1);  // the session writes what is queued, then closes
    reject_pipe(p);
}

void socket_base::reap_delimited() {
    while (!delimited_.empty()) {
        pipe* p = delimited_.back();
        delimited_.pop_back();
        remove_pipe(p);
    }
}

std::vector<std::shared_ptr<pipe>>::iterator socket_base::find_pipe(const pipe* p) {
    return std::find_if(pipes_.begin(), pipes_.end(), [p](const auto& sp) { return sp.get() == p; });
}

void socket_base::remove_pipe(pipe* p) {
    auto it = find_pipe(p);
    if (it == pipes_.end())
        return;  // already gone (terminated twice by different paths)
    std::shared_ptr<pipe> keep = std::move(*it);
    pipes_.erase(it);
    counters_.retire(*p);
    xpipe_terminated(p);
    p->terminate(options_.linger);
}

// ---------------------------------------------------------------- commands

int socket_base::process_commands(int timeout_ms, awaited what) {
    if (timeout_ms != 0 && wait_for_commands(timeout_ms, what) < 0)
        return fail(EINTR);
    mailbox_->take(commands_);
    for (auto& c : commands_)
        run(c);
    command_mailbox::recycle(commands_);  // drops pipe references outside any lock
    reap_delimited();
    const int error = refusal();
    return error ? fail(error) : 0;
}

int socket_base::refusal() const {
    if (closing_)
        return ENOTSOCK;  // another thread closed the socket meanwhile
    return stopped_ ? ETERM : 0;
}

int socket_base::wait_for_commands(int timeout_ms, awaited what) {
    if (!shared_wake_)
        return std::min(mailbox_->wait(timeout_ms, what), 0);
    // A thread-safe socket lets other threads in while this one waits. The
    // ticket is taken before the last look at the mailbox: a command
    // posted after that look wakes us, one posted before it is seen.
    const uint64_t ticket = shared_wake_->ticket();
    if (mailbox_->pending())
        return 0;
    ++waiting_;
    sync_.unlock();
    shared_wake_->wait_after(ticket, timeout_ms);
    sync_.lock();
    if (--waiting_ == 0 && closing_)
        all_left_.notify_all();
    return 0;
}

void socket_base::run(command& c) {
    switch (c.what) {
    case command::kind::attach: {
        const std::string endpoint = c.target->endpoint();  // named by its session
        if (!c.locally_initiated && !endpoint.empty() && find_listener(endpoint) == listeners_.size()) {
            // Accepted by a listener unbound since: the connection ends with it.
            c.target->terminate(options_.linger);
            break;
        }
        attach_pipe(std::move(c.target), endpoint, c.locally_initiated);
        break;
    }
    case command::kind::activate_read:
        if (find_pipe(c.target.get()) != pipes_.end())
            xread_activated(c.target.get());
        break;
    case command::kind::activate_write:
        if (find_pipe(c.target.get()) != pipes_.end())
            xwrite_activated(c.target.get());
        break;
    case command::kind::pipe_term:
        // Messages the peer sent before leaving are still delivered: the
        // pipe goes when its delimiter is reached.
        if (find_pipe(c.target.get()) != pipes_.end() && c.target->at_delimiter())
            remove_pipe(c.target.get());
        break;
    case command::kind::stop:
        stopped_ = true;
        break;
    case command::kind::run:
        c.task();
        break;
    }
}

std::unique_lock<std::mutex> socket_base::enter() {
    return options_.thread_safe ? std::unique_lock(sync_) : std::unique_lock<std::mutex>();
}

void socket_base::stop() {
    command c{command::kind::stop, nullptr};
    mailbox_->post(c);
}

// ---------------------------------------------------------------- messages

int socket_base::send(msg& m, int flags) {
    const auto lock = enter();
    if (const int error = refusal())
        return fail(error);
    // Thread-safe types carry single-part messages only; one that cannot
    // send at all says that first, as in libzmq.
    if (options_.thread_safe && (flags & ZMQ_SNDMORE))
        return fail(cannot_send(options_.type) ? ENOTSUP : EINVAL);
    if (mailbox_->pending() && process_commands(0) < 0)
        return -1;
    if (flags & ZMQ_SNDMORE)
        m.set(msg::more);
    else
        m.clear(msg::more);
    if (xsend(m) == 0)
        return sent();
    if (errno != EAGAIN || (flags & ZMQ_DONTWAIT) || options_.sndtimeo == 0)
        return -1;
    const deadline until(options_.sndtimeo);
    for (;;) {
        if (process_commands(until.remaining_ms()) < 0)
            return -1;
        if (xsend(m) == 0)
            return sent();
        if (errno != EAGAIN)
            return -1;
        if (until.expired())
            return fail(EAGAIN);
    }
}

int socket_base::recv(msg& m, int flags) {
    const auto lock = enter();
    if (const int error = refusal())
        return fail(error);
    if (mailbox_->pending() && process_commands(0) < 0)
        return -1;
    m.close();
    int rc = receive_one(m);
    if (rc < 0 && errno == EAGAIN && !(flags & ZMQ_DONTWAIT) && options_.rcvtimeo != 0) {
        const deadline until(options_.rcvtimeo);
        for (;;) {
            if (process_commands(until.remaining_ms(), sent_since_received_ ? awaited::answer : awaited::stream) < 0)
                return -1;
            rc = receive_one(m);
            if (rc == 0 || errno != EAGAIN)
                break;
            if (until.expired())
                return fail(EAGAIN);
        }
    }
    reap_delimited();
    if (rc < 0)
        return -1;
    m.clear(msg::subscription);  // ours alone: what the application sends on is a message
    rcvmore_ = m.has(msg::more);
    sent_since_received_ = false;
    return done();
}

int socket_base::join(const char* group) {
    const auto lock = enter();
    return xjoin(group);
}

int socket_base::leave(const char* group) {
    const auto lock = enter();
    return xleave(group);
}

int socket_base::receive_one(msg& m) {
    int rc = xrecv(m);
    if (!options_.thread_safe)
        return rc;
    // Single-part types drop what a peer sent in several parts, as libzmq's
    // do: the rest of such a message is always there once its first part is.
    while (rc == 0 && m.has(msg::more)) {
        while (rc == 0 && m.has(msg::more))
            rc = xrecv(m);
        if (rc == 0)
            rc = xrecv(m);
    }
    return rc;
}

int socket_base::sent() {
    sent_since_received_ = true;
    return done();
}

int socket_base::done() {
    // Another thread waiting on a thread-safe socket may have been passed
    // over by the wake-up this call took: let it look again.
    if (waiting_ > 0)
        shared_wake_->wake();
    return 0;
}

// ---------------------------------------------------------------- closing

int socket_base::monitor(const char* address, uint64_t events, int version, int type) {
    const auto lock = enter();
    if (const int error = refusal())
        return fail(error);
    return monitor_->start(address, events, version, type);
}

int socket_base::publish_pipe_stats() {
    const auto lock = enter();
    if (!monitor_->wants(ZMQ_EVENT_PIPES_STATS))
        return fail(EINVAL);
    if (pipes_.empty())
        return fail(EAGAIN);
    for (const auto& p : pipes_) {
        const pipe::queue_counts counts = p->queued();
        const uint64_t values[] = {counts.outbound, counts.inbound};
        monitor_->emit_values(ZMQ_EVENT_PIPES_STATS, values, p->connection_ends());
    }
    return 0;
}

void socket_base::close() {
    auto lock = enter();
    closing_ = true;  // a call that comes in after this gives ENOTSOCK
    if (waiting_ > 0) {
        // Threads blocked in this socket's calls return (ENOTSOCK) before
        // it goes.
        shared_wake_->wake();
        all_left_.wait(lock, [this] { return waiting_ == 0; });
    }
    ctx_.inproc().unbind_all(mailbox_.get());
    while (!listeners_.empty())
        close_listener(listeners_.size() - 1);
    monitor_->stop();
    for (const auto& connect : connects_)
        connect.thread->cancel(connect.object);
    connects_.clear();
    std::vector<command> dropped = mailbox_->close();
    // Pipes that peers attached while we were not looking end too, so
    // their sessions let go of their connections.
    for (auto& c : dropped)
        if (c.what == command::kind::attach)
            c.target->terminate(options_.linger);
    while (!pipes_.empty())
        remove_pipe(pipes_.back().get());
    delimited_.clear();
    dropped.clear();
}

// ---------------------------------------------------------------- defaults

void socket_base::xread_activated(pipe*) {}
void socket_base::xwrite_activated(pipe*) {}
int socket_base::xsend(msg&) { return fail(ENOTSUP); }
int socket_base::xrecv(msg&) { return fail(ENOTSUP); }
bool socket_base::xhas_in() { return false; }
bool socket_base::xhas_out() { return false; }
int socket_base::xjoin(const char*) { return fail(ENOTSUP); }
int socket_base::xleave(const char*) { return fail(ENOTSUP); }
int socket_base::xsetsockopt(int, const void*, size_t) { return fail(EINVAL); }
int socket_base::peer_state(std::string_view) { return fail(ENOTSUP); }
int socket_base::xgetsockopt(int, void*, size_t*) { return fail(EINVAL); }

} // namespace zmx
